package io.cmlfleet.application.forensics;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.application.forensics.finding.Findings;
import io.cmlfleet.application.rendering.TimelineFormat;
import io.cmlfleet.application.rendering.TimelineRenderer;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import io.cmlfleet.domain.worker.LifecycleAction;
import io.cmlfleet.domain.worker.WorkerStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The questions operators bring, each answered by one query whose output names the cause. The histories are
 * recorded in the real JDBC event store with exact timestamps; the answers come through the query gateway.
 */
class ForensicsScenariosTest {

    static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
    static final Duration FAST = Duration.ofSeconds(30);
    static final Duration NORMAL = Duration.ofMinutes(5);

    private final ForensicsTestStore store = new ForensicsTestStore();
    private final TimelineRenderer text = TimelineFormat.TEXT.renderer();

    @AfterEach
    void close() {
        store.close();
    }

    /** Boot to RUNNING with an automatic endpoint, 30 s after creation. */
    private static History runningWithEndpoint(String workerId) {
        return new History(workerId, T0).created().after(FAST)
                .status(WorkerStatus.RUNNING).addresses("3.120.5.9", "10.0.1.17");
    }

    private Findings findings(String workerId, Instant from, Instant to) {
        Findings findings = store.query(new GetWorkerFindings(workerId, from, to), Findings.class);
        WorkerTimeline timeline = store.query(new GetWorkerTimeline(workerId, from, to, null), WorkerTimeline.class);
        Examples.write(workerId + ".txt", "$ timeline " + workerId + "\n" + text.timeline(timeline)
                + "\n$ findings " + workerId + "\n" + text.findings(findings));
        for (TimelineFormat format : new TimelineFormat[] {TimelineFormat.JSON_LINES, TimelineFormat.CSV,
                TimelineFormat.MARKDOWN}) {
            String suffix = "." + format.name().toLowerCase().replace('_', '-');
            Examples.write(workerId + ".findings" + suffix, format.renderer().findings(findings));
            Examples.write(workerId + ".timeline" + suffix, format.renderer().timeline(timeline));
        }
        return findings;
    }

    @Test
    void cmlApiNeverCalledBecauseTheServiceNeverBecameAvailable() {
        History history = runningWithEndpoint("cml-never-queried")
                .health(CmlServiceStatus.ERROR, "controller reports system_health valid=false")
                .refreshes(10, FAST);
        store.append(history);

        Findings findings = findings("cml-never-queried", null, null);

        assertThat(findings.causes()).anySatisfy(cause -> assertThat(cause)
                .startsWith("CML API never queried in 10 refreshes: CML service is ERROR, not AVAILABLE: controller reports"
                        + " system_health valid=false (10×"));
        assertThat(findings.cmlQuery().attempted()).isZero();
        assertThat(findings.cmlQuery().skipped()).isEqualTo(10);
        assertThat(findings.launchToAvailable().reached()).isFalse();
    }

    @Test
    void noPublicIpSoNoEndpoint() {
        History history = new History("no-public-ip", T0).created().after(FAST)
                .status(WorkerStatus.RUNNING).addresses(null, "10.0.1.17")
                .refreshes(20, FAST);
        store.append(history);

        Findings findings = findings("no-public-ip", null, null);

        assertThat(findings.endpointlessRuns()).singleElement().satisfies(run -> {
            assertThat(run.cause()).isEqualTo("no public IP");
            assertThat(run.since()).isEqualTo(T0.plus(FAST));
            assertThat(run.duration()).isEqualTo(Duration.ofMinutes(9).plusSeconds(30));
            assertThat(run.ongoing()).isTrue();
        });
        assertThat(findings.causes()).anySatisfy(cause -> assertThat(cause)
                .contains("RUNNING without an HTTPS endpoint for 9m 30s since 2026-11-24T08:00:30Z")
                .contains(": no public IP, so no endpoint"));
        assertThat(findings.causes()).anySatisfy(cause -> assertThat(cause).startsWith(
                "CML API never queried in 20 refreshes: worker has no HTTPS endpoint; "
                        + "CML service is UNAVAILABLE, not AVAILABLE"));
    }

    @Test
    void healthCheckTimingOut() {
        History history = runningWithEndpoint("health-timeout")
                .health(CmlServiceStatus.UNAVAILABLE, "TIMEOUT - no answer from https://3.120.5.9 within 10s")
                .refreshes(12, FAST);
        store.append(history);

        Findings findings = findings("health-timeout", null, null);

        assertThat(findings.healthCheck().ran()).isEqualTo(12);
        assertThat(findings.causes()).anySatisfy(cause -> assertThat(cause).startsWith(
                "health check ran 12× and never found the service AVAILABLE: "
                        + "UNAVAILABLE: TIMEOUT - no answer from https://3.120.5.9 within 10s (12×"));
    }

    @Test
    void monitoringStoppedForFiftyMinutes() {
        History history = runningWithEndpoint("monitoring-gap")
                .health(CmlServiceStatus.AVAILABLE, null).stats(4)
                .refreshes(6, NORMAL)
                .after(Duration.ofMinutes(50)).refreshes(3, NORMAL);
        store.append(history);

        Findings findings = findings("monitoring-gap", null, null);

        Instant lastBeforeGap = T0.plus(FAST).plus(NORMAL.multipliedBy(5));
        assertThat(findings.monitoringGaps()).singleElement().satisfies(gap -> {
            assertThat(gap.start()).isEqualTo(lastBeforeGap);
            assertThat(gap.end()).isEqualTo(lastBeforeGap.plus(Duration.ofMinutes(50)));
            assertThat(gap.expectedCadence()).isEqualTo(NORMAL);
            assertThat(gap.ongoing()).isFalse();
        });
        assertThat(findings.causes()).contains("monitoring gap: no refresh completed for 50m from "
                + lastBeforeGap + " to " + lastBeforeGap.plus(Duration.ofMinutes(50)) + " (expected every 5m)");
    }

    @Test
    void monitoringThatHasStoppedShowsAsAnOngoingGapUpToTheEndOfTheWindow() {
        History history = runningWithEndpoint("monitoring-stopped")
                .health(CmlServiceStatus.AVAILABLE, null)
                .refreshes(3, NORMAL);
        store.append(history);
        Instant asked = history.now().plus(Duration.ofHours(2));

        Findings findings = store.query(new GetWorkerFindings("monitoring-stopped", null, asked), Findings.class);

        assertThat(findings.causes()).contains("monitoring stopped: no refresh completed since " + history.now()
                + " (2h until " + asked + ", expected every 5m)");
    }

    @Test
    void workerStoppedFromOutside() {
        History history = runningWithEndpoint("stopped-outside")
                .health(CmlServiceStatus.AVAILABLE, null)
                .refreshes(3, NORMAL)
                .after(Duration.ofMinutes(2)).status(WorkerStatus.STOPPING).refresh()
                .after(FAST).status(WorkerStatus.STOPPED).refresh();
        store.append(history);

        Findings findings = findings("stopped-outside", null, null);

        Instant stoppedAt = T0.plus(FAST).plus(NORMAL.multipliedBy(2)).plus(Duration.ofMinutes(2));
        assertThat(findings.stoppedOutside()).singleElement().satisfies(stop -> {
            assertThat(stop.at()).isEqualTo(stoppedAt);
            assertThat(stop.to()).isEqualTo(WorkerStatus.STOPPING);
        });
        assertThat(findings.causes()).contains("stopped outside cmlfleet at " + stoppedAt
                + ": RUNNING → STOPPING (ec2: stopping); no STOP or TERMINATE requested through cmlfleet in the 10m "
                + "before");
    }

    @Test
    void aStopRequestedThroughCmlfleetIsNotAnOutsideStop() {
        History history = runningWithEndpoint("stopped-by-alice")
                .health(CmlServiceStatus.AVAILABLE, null)
                .refreshes(3, NORMAL)
                .after(Duration.ofMinutes(1)).operator("alice", "op-stop-1")
                .lifecycle(LifecycleAction.STOP, "alice", "end of training").monitoring()
                .after(Duration.ofMinutes(1)).status(WorkerStatus.STOPPING).refresh()
                .after(FAST).status(WorkerStatus.STOPPED).refresh();
        store.append(history);

        Findings findings = findings("stopped-by-alice", null, null);

        assertThat(findings.stoppedOutside()).isEmpty();
        assertThat(findings.causes()).noneMatch(cause -> cause.contains("stopped outside"));
    }

    @Test
    void flappingService() {
        History history = runningWithEndpoint("flapping-service")
                .health(CmlServiceStatus.AVAILABLE, null).refreshes(5, NORMAL)
                .after(NORMAL);
        for (int i = 0; i < 3; i++) {
            history.health(CmlServiceStatus.UNAVAILABLE, "UNREACHABLE - connection refused").refresh()
                    .after(FAST).health(CmlServiceStatus.AVAILABLE, null).refresh().after(FAST);
        }
        store.append(history);

        Findings findings = findings("flapping-service", null, null);

        Instant first = T0.plus(FAST).plus(Duration.ofMinutes(25));
        assertThat(findings.monitoringGaps()).isEmpty();
        assertThat(findings.flapping()).singleElement().satisfies(flap -> {
            assertThat(flap.dimension()).isEqualTo("service");
            assertThat(flap.changes()).isEqualTo(6);
            assertThat(flap.start()).isEqualTo(first);
        });
        assertThat(findings.causes()).anySatisfy(cause -> assertThat(cause)
                .startsWith("service flapping: 6 changes between " + first + " and ")
                .contains("(AVAILABLE → UNAVAILABLE, UNAVAILABLE → AVAILABLE, AVAILABLE → UNAVAILABLE"));
    }
}
