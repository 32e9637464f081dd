package io.cmlfleet.bootstrap.config;

import static java.util.Objects.requireNonNullElse;

import io.cmlfleet.adapters.cml.CmlClientSettings;
import io.cmlfleet.application.licence.LicenceOperationSettings;
import io.cmlfleet.application.port.cml.CmlCredentials;
import io.cmlfleet.domain.worker.LicenceHealthRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * @param username         CML user for the API
 * @param password         CML password (never logged); a CmlCredentialsProvider bean replaces username/password
 * @param caBundle         path of a PEM CA bundle trusted for every controller (CML ships self-signed certificates)
 * @param verifyTls        verify controller certificates; switching it off logs a warning
 * @param connectTimeout   connect timeout
 * @param readTimeout      read timeout
 * @param maxResponseBytes largest response body read from a controller
 * @param licenceExpiryHorizon how close an authorization or registration expiry must be to be a licence issue
 * @param licenceOperationTimeout      how long a licence operation's end is waited for before it is TIMED_OUT
 * @param licenceOperationPollInterval the pause between two reads of the licence while an operation is under way
 */
public record CmlProperties(String username, String password, String caBundle, Boolean verifyTls,
                            Duration connectTimeout, Duration readTimeout, Integer maxResponseBytes,
                            Duration licenceExpiryHorizon, Duration licenceOperationTimeout,
                            Duration licenceOperationPollInterval) {

    /** CML's own administrator, the user a fresh controller has. */
    public static final String DEFAULT_USERNAME = "admin";
    private static final CmlClientSettings DEFAULTS = CmlClientSettings.defaults();

    public CmlProperties {
        username = requireNonNullElse(username, DEFAULT_USERNAME);
        verifyTls = requireNonNullElse(verifyTls, DEFAULTS.verifyTls());
        connectTimeout = requireNonNullElse(connectTimeout, DEFAULTS.connectTimeout());
        readTimeout = requireNonNullElse(readTimeout, DEFAULTS.readTimeout());
        maxResponseBytes = requireNonNullElse(maxResponseBytes, DEFAULTS.maxResponseBytes());
        licenceExpiryHorizon = requireNonNullElse(licenceExpiryHorizon, LicenceHealthRule.DEFAULT_HORIZON);
        SettingChecks.positive("cmlfleet.cml.licence-expiry-horizon", licenceExpiryHorizon);
        licenceOperationTimeout = requireNonNullElse(licenceOperationTimeout,
                LicenceOperationSettings.DEFAULT_TIMEOUT);
        licenceOperationPollInterval = requireNonNullElse(licenceOperationPollInterval,
                LicenceOperationSettings.DEFAULT_POLL_INTERVAL);
        SettingChecks.positive("cmlfleet.cml.licence-operation-timeout", licenceOperationTimeout);
        SettingChecks.positive("cmlfleet.cml.licence-operation-poll-interval", licenceOperationPollInterval);
        SettingChecks.positive("cmlfleet.cml.connect-timeout", connectTimeout);
        SettingChecks.positive("cmlfleet.cml.read-timeout", readTimeout);
        SettingChecks.atLeast("cmlfleet.cml.max-response-bytes", maxResponseBytes, 1);
        if (caBundle != null && !caBundle.isBlank() && !Files.isReadable(Path.of(caBundle))) {
            throw new InvalidSettingException("cmlfleet.cml.ca-bundle",
                    "cmlfleet.cml.ca-bundle (" + caBundle + ") must be a readable PEM file");
        }
    }

    /** The client settings these properties describe, over the client's own defaults. */
    public CmlClientSettings clientSettings() {
        CmlClientSettings settings = DEFAULTS.withTimeouts(connectTimeout, readTimeout)
                .withMaxResponseBytes(maxResponseBytes)
                .withVerifyTls(verifyTls);
        return caBundle == null || caBundle.isBlank() ? settings : settings.withCaBundlePem(readPem(caBundle));
    }

    /** How licence operations are followed, and the horizon their final licence check is judged with. */
    public LicenceOperationSettings licenceOperations() {
        return new LicenceOperationSettings(licenceOperationTimeout, licenceOperationPollInterval,
                licenceExpiryHorizon);
    }

    /** The one set of credentials for the whole fleet. */
    public CmlCredentials credentials() {
        return new CmlCredentials(username, password == null ? "" : password);
    }

    private static String readPem(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new InvalidSettingException("cmlfleet.cml.ca-bundle",
                    "cmlfleet.cml.ca-bundle (" + path + ") cannot be read: " + e, e);
        }
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "CmlProperties[username=" + username + ", password=" + (password == null ? null : "***")
                + ", caBundle=" + caBundle + ", verifyTls=" + verifyTls + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", maxResponseBytes=" + maxResponseBytes
                + ", licenceExpiryHorizon=" + licenceExpiryHorizon + ", licenceOperationTimeout="
                + licenceOperationTimeout + ", licenceOperationPollInterval=" + licenceOperationPollInterval + "]";
    }
}
