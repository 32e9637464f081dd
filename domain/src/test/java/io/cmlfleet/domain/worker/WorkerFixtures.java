package io.cmlfleet.domain.worker;

import io.cmlfleet.domain.worker.command.RecordEc2Observation;
import io.cmlfleet.domain.worker.command.RegisterWorker;
import io.cmlfleet.domain.worker.event.EndpointPopulated;
import io.cmlfleet.domain.worker.event.NetworkAddressesChanged;
import io.cmlfleet.domain.worker.event.ServiceHealthEvaluated;
import io.cmlfleet.domain.worker.event.StatusChanged;
import io.cmlfleet.domain.worker.event.WorkerCreated;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;

/** Shared names, times and histories for the CMLWorker tests. */
final class WorkerFixtures {

    static final String WORKER = "worker-1";
    static final String INSTANCE = "i-0123456789abcdef0";
    static final String REGION = "eu-west-1";
    static final String PUBLIC_IP = "54.194.252.215";
    static final String PRIVATE_IP = "10.0.1.17";
    static final Instant NOW = Instant.parse("2026-11-24T14:05:00Z");
    static final Instant T0 = NOW.minusSeconds(600);
    static final Instant T1 = NOW.minusSeconds(300);
    static final Instant T2 = NOW.minusSeconds(60);

    private WorkerFixtures() {
    }

    static AggregateTestFixture<CMLWorker> fixture() {
        AggregateTestFixture<CMLWorker> fixture = new AggregateTestFixture<>(CMLWorker.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        return fixture;
    }

    static RegisterWorker register() {
        return new RegisterWorker(WORKER, "lab-worker-1", REGION, INSTANCE, "c5.2xlarge", "ami-0abcdef1234567890",
                "CML-2.9.1", Map.of("team", "netops"), "alice");
    }

    static WorkerCreated created() {
        return new WorkerCreated(WORKER, "lab-worker-1", REGION, INSTANCE, "c5.2xlarge", "ami-0abcdef1234567890",
                "CML-2.9.1", Map.of("team", "netops"), "alice", WorkerOrigin.REGISTERED, NOW);
    }

    static RecordEc2Observation observe(String ec2State, String publicIp, Instant at) {
        return new RecordEc2Observation(WORKER, ec2State, null, publicIp, PRIVATE_IP, null, null, at);
    }

    /** The state a history folds into, for testing the rules without the aggregate. */
    static WorkerState stateAfter(Object... history) {
        return WorkerState.replay(Arrays.stream(history).map(WorkerEvent.class::cast).toList());
    }

    /** {@code history} followed by {@code more}. */
    static Object[] plus(Object[] history, Object... more) {
        Object[] all = Arrays.copyOf(history, history.length + more.length);
        System.arraycopy(more, 0, all, history.length, more.length);
        return all;
    }

    /** A worker that EC2 reported running with a public IP, so it has an automatic endpoint. */
    static Object[] runningWithAutoEndpoint() {
        return new Object[]{
                created(),
                new StatusChanged(WORKER, WorkerStatus.UNKNOWN, WorkerStatus.RUNNING, "running",
                        "EC2 reported instance state 'running'", T0),
                new NetworkAddressesChanged(WORKER, null, PUBLIC_IP, null, PRIVATE_IP, T0),
                new EndpointPopulated(WORKER, "https://" + PUBLIC_IP, PUBLIC_IP, EndpointSource.AUTO,
                        "auto-population", T0)};
    }

    /** As {@link #runningWithAutoEndpoint()}, and the health check found the service AVAILABLE. */
    static Object[] runningAndAvailable() {
        return plus(runningWithAutoEndpoint(), new ServiceHealthEvaluated(WORKER, "https://" + PUBLIC_IP,
                CmlServiceStatus.UNAVAILABLE, CmlServiceStatus.AVAILABLE, true, true, true, null, 42, T1));
    }
}
