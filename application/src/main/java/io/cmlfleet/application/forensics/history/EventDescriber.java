package io.cmlfleet.application.forensics.history;

import io.cmlfleet.domain.worker.CmlFacts;
import io.cmlfleet.domain.worker.RefreshStage;
import io.cmlfleet.domain.worker.RefreshStageOutcome;
import io.cmlfleet.domain.worker.StageResult;
import io.cmlfleet.domain.worker.event.CmlStatsRecorded;
import io.cmlfleet.domain.worker.event.EndpointCleared;
import io.cmlfleet.domain.worker.event.EndpointPopulated;
import io.cmlfleet.domain.worker.event.IdleStopConfigured;
import io.cmlfleet.domain.worker.event.IdleStopTriggered;
import io.cmlfleet.domain.worker.event.InstanceStatusChecksChanged;
import io.cmlfleet.domain.worker.event.LifecycleActionFailed;
import io.cmlfleet.domain.worker.event.LifecycleActionRequested;
import io.cmlfleet.domain.worker.event.NetworkAddressesChanged;
import io.cmlfleet.domain.worker.event.RefreshCompleted;
import io.cmlfleet.domain.worker.event.RefreshFailed;
import io.cmlfleet.domain.worker.event.ServiceHealthEvaluated;
import io.cmlfleet.domain.worker.event.ServiceMarkedUnavailable;
import io.cmlfleet.domain.worker.event.StatusChanged;
import io.cmlfleet.domain.worker.event.TelemetryThresholdBreached;
import io.cmlfleet.domain.worker.event.TelemetryThresholdRecovered;
import io.cmlfleet.domain.worker.event.TelemetryUpdated;
import io.cmlfleet.domain.worker.event.WorkerCreated;
import io.cmlfleet.domain.worker.event.WorkerEvent;
import io.cmlfleet.domain.worker.event.WorkerTerminated;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one place where events become sentences. Operators read these lines during an incident and grep them
 * afterwards, so each event type has its own method and the wording changes only here (and in docs/forensics.md).
 * Payloads never carry secrets (see docs/events.md), so nothing needs masking here.
 */
public final class EventDescriber {

    private static final String NONE = "none";

    /** One line for any worker event; an event type this code does not know yet is named, not dropped. */
    public String describe(WorkerEvent event) {
        if (event instanceof WorkerCreated e) {
            return workerCreated(e);
        } else if (event instanceof StatusChanged e) {
            return statusChanged(e);
        } else if (event instanceof NetworkAddressesChanged e) {
            return networkAddressesChanged(e);
        } else if (event instanceof InstanceStatusChecksChanged e) {
            return instanceStatusChecksChanged(e);
        } else if (event instanceof EndpointPopulated e) {
            return endpointPopulated(e);
        } else if (event instanceof EndpointCleared e) {
            return endpointCleared(e);
        } else if (event instanceof ServiceHealthEvaluated e) {
            return serviceHealthEvaluated(e);
        } else if (event instanceof ServiceMarkedUnavailable e) {
            return serviceMarkedUnavailable(e);
        } else if (event instanceof CmlStatsRecorded e) {
            return cmlStatsRecorded(e);
        } else if (event instanceof TelemetryUpdated e) {
            return telemetryUpdated(e);
        } else if (event instanceof RefreshFailed e) {
            return refreshFailed(e);
        } else if (event instanceof LifecycleActionRequested e) {
            return lifecycleActionRequested(e);
        } else if (event instanceof WorkerTerminated e) {
            return workerTerminated(e);
        } else if (event instanceof RefreshCompleted e) {
            return refreshCompleted(e);
        } else if (event instanceof LifecycleActionFailed e) {
            return lifecycleActionFailed(e);
        } else if (event instanceof IdleStopConfigured e) {
            return idleStopConfigured(e);
        } else if (event instanceof IdleStopTriggered e) {
            return idleStopTriggered(e);
        } else if (event instanceof io.cmlfleet.domain.worker.event.UserActivityObserved e) {
            return "user activity: " + e.category() + " by " + e.user() + " at " + e.activityAt();
        } else if (event instanceof io.cmlfleet.domain.worker.event.IdleStopWarned e) {
            return "idle stop warned: stopping at " + e.plannedStopAt() + " (" + e.reason() + ")"
                    + (e.maintenanceMode() ? "; CML maintenance mode on" : "");
        } else if (event instanceof io.cmlfleet.domain.worker.event.IdleStopCancelled e) {
            return "idle stop cancelled: " + e.reason();
        } else if (event instanceof io.cmlfleet.domain.worker.event.IdleStopSnoozed e) {
            return "idle stop snoozed until " + e.until() + " by " + e.snoozedBy()
                    + (e.reason() == null ? "" : ": " + e.reason());
        } else if (event instanceof TelemetryThresholdBreached e) {
            return telemetryThresholdBreached(e);
        } else if (event instanceof TelemetryThresholdRecovered e) {
            return telemetryThresholdRecovered(e);
        } else if (event instanceof io.cmlfleet.domain.worker.event.LabActionRecorded e) {
            return LabEventWording.labActionRecorded(e);
        } else if (event instanceof io.cmlfleet.domain.worker.event.LabInventoryChanged e) {
            return LabEventWording.labInventoryChanged(e);
        } else if (event instanceof io.cmlfleet.domain.worker.event.LicenceStateChanged e) {
            return LabEventWording.licenceStateChanged(e);
        } else if (event instanceof io.cmlfleet.domain.worker.event.LicenceOperationRequested e) {
            return LicenceEventWording.requested(e);
        } else if (event instanceof io.cmlfleet.domain.worker.event.LicenceOperationFinished e) {
            return LicenceEventWording.finished(e);
        }
        return EventTypeNames.shortName(event);
    }

    private String workerCreated(WorkerCreated e) {
        return e.origin().name().toLowerCase(Locale.ROOT) + " '" + e.name() + "' " + e.instanceId() + " ("
                + e.instanceType() + ", " + e.region() + ", " + e.amiId() + ") by " + e.createdBy();
    }

    private String statusChanged(StatusChanged e) {
        String cause = e.ec2State() == null ? "marked: " + e.reason() : "ec2: " + e.ec2State();
        return e.from() + " → " + e.to() + " (" + cause + ")";
    }

    private String networkAddressesChanged(NetworkAddressesChanged e) {
        List<String> parts = new ArrayList<>();
        if (!same(e.previousPublicIp(), e.publicIp())) {
            parts.add("public IP " + or(e.previousPublicIp()) + " → " + or(e.publicIp()));
        }
        if (!same(e.previousPrivateIp(), e.privateIp())) {
            parts.add("private IP " + or(e.previousPrivateIp()) + " → " + or(e.privateIp()));
        }
        return parts.isEmpty() ? "addresses unchanged" : String.join(", ", parts);
    }

    private String instanceStatusChecksChanged(InstanceStatusChecksChanged e) {
        return "EC2 status checks: system " + or(e.systemStatusCheck()) + ", instance " + or(e.instanceStatusCheck());
    }

    private String endpointPopulated(EndpointPopulated e) {
        String by = e.setBy() == null || "auto-population".equals(e.setBy()) ? "" : " by " + e.setBy();
        return "endpoint " + e.endpoint() + " (" + e.source() + ")" + by;
    }

    private String endpointCleared(EndpointCleared e) {
        return "endpoint " + e.previousEndpoint() + " (" + e.previousSource() + ") cleared: " + e.reason();
    }

    private String serviceHealthEvaluated(ServiceHealthEvaluated e) {
        List<String> details = new ArrayList<>();
        if (Boolean.TRUE.equals(e.licensed())) {
            details.add("licensed");
        } else if (Boolean.FALSE.equals(e.licensed())) {
            details.add("unlicensed");
        }
        if (Boolean.TRUE.equals(e.enterprise())) {
            details.add("enterprise");
        }
        if (!e.valid() && e.error() == null) {
            details.add("health not valid");
        }
        if (e.error() != null) {
            details.add(e.error());
        }
        String suffix = details.isEmpty() ? "" : " (" + String.join(", ", details) + ")";
        return "service " + e.previousStatus() + " → " + e.newStatus() + suffix;
    }

    private String serviceMarkedUnavailable(ServiceMarkedUnavailable e) {
        return "service " + e.previousStatus() + " → UNAVAILABLE without a health check: " + e.reason();
    }

    private String cmlStatsRecorded(CmlStatsRecorded e) {
        CmlFacts f = e.facts();
        List<String> parts = new ArrayList<>();
        if (f.version() != null) {
            parts.add("version " + f.version());
        }
        if (f.ready() != null) {
            parts.add(f.ready() ? "ready" : "not ready");
        }
        if (f.licensed() != null) {
            parts.add(f.licensed() ? "licensed" : "unlicensed");
        }
        if (f.labsCount() != null) {
            parts.add(f.labsCount() + " labs");
        }
        if (f.nodesRunning() != null) {
            parts.add("nodes " + f.nodesRunning() + "/" + (f.nodesTotal() == null ? "?" : f.nodesTotal()));
        }
        if (f.allocatedCpus() != null) {
            parts.add(f.allocatedCpus() + " CPUs allocated");
        }
        return "CML " + (parts.isEmpty() ? "reported no facts" : String.join(", ", parts));
    }

    private String telemetryUpdated(TelemetryUpdated e) {
        return "telemetry CPU " + percent(e.cpuPercent()) + ", memory " + percent(e.memoryPercent()) + " ("
                + e.windowSeconds() + " s average)";
    }

    public String refreshFailed(RefreshFailed e) {
        return "refresh failed at " + e.stage() + ": " + e.errorCode() + " - " + e.message()
                + (e.retryable() ? " (retryable)" : " (needs attention)");
    }

    public String lifecycleActionRequested(LifecycleActionRequested e) {
        return e.action() + " requested by " + e.requestedBy() + (e.reason() == null ? "" : ": " + e.reason());
    }

    private String workerTerminated(WorkerTerminated e) {
        return "terminated: " + e.reason();
    }

    /**
     * The heartbeat: says how many stages ran, and names what failed and why the CML API was skipped, since that
     * is what a post-mortem asks first ("was CML queried at all?").
     */
    private String refreshCompleted(RefreshCompleted e) {
        long ran = e.stages().stream().filter(s -> s.result() == StageResult.RAN).count();
        List<String> notes = new ArrayList<>();
        for (RefreshStageOutcome outcome : e.stages()) {
            if (outcome.stage() == RefreshStage.HEALTH_CHECK && outcome.result() == StageResult.RAN
                    && outcome.detail() != null) {
                notes.add("health check: " + outcome.detail());
            } else if (outcome.result() == StageResult.FAILED) {
                notes.add(outcome.stage() + " failed: " + outcome.detail());
            }
        }
        // The four CML stages share one gate decision: report it once, as "CML query skipped".
        String cmlSkip = e.stages().stream()
                .filter(s -> s.stage().name().startsWith("CML_") && s.result() == StageResult.SKIPPED)
                .map(RefreshStageOutcome::detail).distinct().collect(Collectors.joining("; "));
        if (!cmlSkip.isEmpty()) {
            notes.add("CML query skipped: " + cmlSkip);
        }
        e.stages().stream()
                .filter(s -> s.result() == StageResult.SKIPPED && !s.stage().name().startsWith("CML_"))
                .forEach(s -> notes.add(s.stage() + " skipped: " + s.detail()));
        String head = e.trigger().name().toLowerCase(Locale.ROOT) + " refresh, " + ran + "/" + e.stages().size()
                + " stages ran";
        return notes.isEmpty() ? head : head + "; " + String.join("; ", notes);
    }

    public String lifecycleActionFailed(LifecycleActionFailed e) {
        return e.action() + " failed: " + e.errorCode() + " - " + e.message();
    }

    private String idleStopConfigured(IdleStopConfigured e) {
        return "idle stop " + (e.enabled() ? "enabled" : "disabled") + " by " + e.changedBy();
    }

    private String idleStopTriggered(IdleStopTriggered e) {
        return "idle stop triggered: " + e.reason();
    }

    private String telemetryThresholdBreached(TelemetryThresholdBreached e) {
        return e.metric() + " " + percent(e.value()) + " at or above threshold " + percent(e.threshold());
    }

    private String telemetryThresholdRecovered(TelemetryThresholdRecovered e) {
        return e.metric() + " back to " + percent(e.value()) + ", below threshold " + percent(e.threshold());
    }

    private static String percent(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.1f %%", value);
    }

    private static String or(String value) {
        return value == null ? NONE : value;
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
