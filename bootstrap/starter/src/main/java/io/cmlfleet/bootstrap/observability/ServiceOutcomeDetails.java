package io.cmlfleet.bootstrap.observability;

import java.util.LinkedHashMap;
import java.util.Map;

/** The health details of one outside service: its last call, last success and last failure. */
final class ServiceOutcomeDetails {

    private ServiceOutcomeDetails() {
    }

    static Map<String, Object> of(ExternalCallOutcomes outcomes, ExternalService service) {
        Map<String, Object> details = new LinkedHashMap<>();
        outcomes.last(service).ifPresentOrElse(last -> {
            details.put("lastCall", last.operation());
            details.put("lastOutcome", last.outcome());
            details.put("lastCallAt", last.at().toString());
        }, () -> details.put("lastOutcome", "no call yet"));
        outcomes.lastSuccess(service).ifPresent(success -> details.put("lastSuccessAt", success.at().toString()));
        outcomes.lastFailure(service).ifPresent(failure -> {
            details.put("lastFailureAt", failure.at().toString());
            details.put("lastFailure", failure.outcome() + (failure.detail() == null ? "" : ": " + failure.detail()));
        });
        return details;
    }
}
