package io.cmlfleet.application.refresh;

import io.cmlfleet.application.port.cml.CmlAccessException;
import io.cmlfleet.application.port.cml.CmlControllerClient;
import io.cmlfleet.application.port.cml.CmlHealthReport;
import io.cmlfleet.application.port.cml.CmlLabs;
import io.cmlfleet.application.port.cml.CmlLicensing;
import io.cmlfleet.application.port.cml.CmlSystemInformation;
import io.cmlfleet.application.port.cml.CmlSystemStats;
import io.cmlfleet.application.port.cml.CmlTarget;
import io.cmlfleet.domain.worker.CmlServiceStatus;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** An in-memory CML controller: a health verdict, canned answers, per-call failures and a call log. */
class FakeCmlController implements CmlControllerClient {

    enum Call { INFORMATION, HEALTH, STATS, LICENSING, LABS }

    final List<String> calls = new CopyOnWriteArrayList<>();
    final Map<Call, CmlAccessException> failures = new EnumMap<>(Call.class);
    CmlHealthReport health = available();
    long nodesRunning = 8;

    static CmlHealthReport available() {
        return new CmlHealthReport(CmlServiceStatus.AVAILABLE, true, true, true, true, null, Duration.ofMillis(35));
    }

    static CmlHealthReport unreachable(String why) {
        return new CmlHealthReport(CmlServiceStatus.UNAVAILABLE, false, false, null, null, why,
                Duration.ofMillis(3000));
    }

    static CmlHealthReport invalid() {
        return new CmlHealthReport(CmlServiceStatus.ERROR, true, false, true, false,
                "controller reports system_health valid=false", Duration.ofMillis(50));
    }

    @Override
    public CmlSystemInformation systemInformation(CmlTarget target) {
        return answer(Call.INFORMATION, target, new CmlSystemInformation("2.9.1+build.7", true));
    }

    @Override
    public CmlHealthReport evaluateHealth(CmlTarget target) {
        return answer(Call.HEALTH, target, health);
    }

    @Override
    public CmlSystemStats systemStats(CmlTarget target) {
        return answer(Call.STATS, target, new CmlSystemStats(1, nodesRunning, 182L, 7L, 6_291_456L, 6L, 4.2, 1L, 2L, 3L, 4L));
    }

    @Override
    public CmlLicensing licensing(CmlTarget target) {
        return answer(Call.LICENSING, target, new CmlLicensing("COMPLETED", "IN_COMPLIANCE", "CML_Enterprise", null,
                null, true));
    }

    @Override
    public CmlLabs labs(CmlTarget target, boolean includeStates) {
        return answer(Call.LABS, target, new CmlLabs(2, List.of("a", "b"), Map.of()));
    }

    private <T> T answer(Call call, CmlTarget target, T value) {
        calls.add(call + " " + target.endpoint());
        CmlAccessException failure = failures.get(call);
        if (failure != null) {
            throw failure;
        }
        return value;
    }
}
