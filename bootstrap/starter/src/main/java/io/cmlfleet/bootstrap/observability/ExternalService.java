package io.cmlfleet.bootstrap.observability;

import java.util.Locale;

/** The outside services cmlfleet calls through its ports; the {@code service} tag of the call metrics. */
public enum ExternalService {
    EC2,
    CLOUDWATCH,
    CML;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
