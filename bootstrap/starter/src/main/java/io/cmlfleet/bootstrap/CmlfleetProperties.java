package io.cmlfleet.bootstrap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Everything a host configures under {@code cmlfleet.*}. The defaults are the ones documented in
 * {@code docs/operations.md}; IDE completion comes from the generated configuration metadata.
 */
@ConfigurationProperties(prefix = "cmlfleet")
public class CmlfleetProperties {

    private final Storage storage = new Storage();

    private final Aws aws = new Aws();

    private final Cml cml = new Cml();

    private final Monitoring monitoring = new Monitoring();

    private final Refresh refresh = new Refresh();

    private final IdleStop idleStop = new IdleStop();

    private final Api api = new Api();

    public Storage getStorage() {
        return storage;
    }

    public Aws getAws() {
        return aws;
    }

    public Cml getCml() {
        return cml;
    }

    public Monitoring getMonitoring() {
        return monitoring;
    }

    public Refresh getRefresh() {
        return refresh;
    }

    public IdleStop getIdleStop() {
        return idleStop;
    }

    public Api getApi() {
        return api;
    }

    /** Where events and read models live. */
    public enum StorageMode {
        EMBEDDED,
        POSTGRESQL,
        AXON_SERVER
    }

    /** Where events, tokens, sagas, deadlines and read models are kept. */
    public static class Storage {

        /** Embedded (H2 file in the data directory), postgresql (spring.datasource.*), or axon-server (events and commands through Axon Server; the rest in the database). */
        private StorageMode mode = StorageMode.EMBEDDED;

        /** The data directory of the embedded store. */
        private String dataDir = "./cmlfleet-data";

        public StorageMode getMode() {
            return mode;
        }

        public void setMode(StorageMode mode) {
            this.mode = mode;
        }

        public String getDataDir() {
            return dataDir;
        }

        public void setDataDir(String dataDir) {
            this.dataDir = dataDir;
        }

    }

    /** How the AWS adapters reach EC2 and CloudWatch. Credentials and region come from the SDK's default chains unless set here. */
    public static class Aws {

        /** Endpoint for EC2 and CloudWatch (simulators, compatible endpoints); unset for AWS itself. */
        private String endpointOverride = null;

        /** Static access key id, for simulators and tests only; leave unset to use the default credential chain. */
        private String accessKeyId = null;

        /** Static secret access key, for simulators and tests only (never logged). */
        private String secretAccessKey = null;

        /** Attempts per AWS call, including the first, with the SDK's standard backoff. */
        private int maxAttempts = 3;

        /** How long one AWS call may take in all, retries included. */
        private Duration apiCallTimeout = Duration.ofSeconds(30);

        public String getEndpointOverride() {
            return endpointOverride;
        }

        public void setEndpointOverride(String endpointOverride) {
            this.endpointOverride = endpointOverride;
        }

        public String getAccessKeyId() {
            return accessKeyId;
        }

        public void setAccessKeyId(String accessKeyId) {
            this.accessKeyId = accessKeyId;
        }

        public String getSecretAccessKey() {
            return secretAccessKey;
        }

        public void setSecretAccessKey(String secretAccessKey) {
            this.secretAccessKey = secretAccessKey;
        }

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getApiCallTimeout() {
            return apiCallTimeout;
        }

        public void setApiCallTimeout(Duration apiCallTimeout) {
            this.apiCallTimeout = apiCallTimeout;
        }

    }

    /** How the CML adapter reaches each worker's controller. */
    public static class Cml {

        /** CML user for the API. */
        private String username = "admin";

        /** CML password (never logged); a CmlCredentialsProvider bean replaces username/password. */
        private String password = null;

        /** Path of a PEM CA bundle trusted for every controller (CML ships self-signed certificates). */
        private String caBundle = null;

        /** Verify controller certificates; switching it off logs a warning. */
        private boolean verifyTls = true;

        /** Connect timeout. */
        private Duration connectTimeout = Duration.ofSeconds(5);

        /** Read timeout. */
        private Duration readTimeout = Duration.ofSeconds(10);

        /** Largest response body read from a controller. */
        private int maxResponseBytes = 1024 * 1024;

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getCaBundle() {
            return caBundle;
        }

        public void setCaBundle(String caBundle) {
            this.caBundle = caBundle;
        }

        public boolean isVerifyTls() {
            return verifyTls;
        }

        public void setVerifyTls(boolean verifyTls) {
            this.verifyTls = verifyTls;
        }

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public Duration getReadTimeout() {
            return readTimeout;
        }

        public void setReadTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
        }

        public int getMaxResponseBytes() {
            return maxResponseBytes;
        }

        public void setMaxResponseBytes(int maxResponseBytes) {
            this.maxResponseBytes = maxResponseBytes;
        }

    }

    /** Cadence of the per-worker monitoring saga and its durable deadlines. */
    public static class Monitoring {

        /** Refresh interval while a worker is starting or its service is not AVAILABLE. */
        private Duration fastInterval = Duration.ofSeconds(30);

        /** Refresh interval once a worker is stable. */
        private Duration normalInterval = Duration.ofSeconds(300);

        /** Slots a fleet is spread over within an interval (workers in one slot share AWS calls). */
        private int jitterSlots = 10;

        /** How often the deadline scheduler looks for due deadlines. */
        private Duration deadlinePollingInterval = Duration.ofSeconds(1);

        /** Threads executing due deadlines (refreshes) in parallel. */
        private int deadlineThreads = 4;

        public Duration getFastInterval() {
            return fastInterval;
        }

        public void setFastInterval(Duration fastInterval) {
            this.fastInterval = fastInterval;
        }

        public Duration getNormalInterval() {
            return normalInterval;
        }

        public void setNormalInterval(Duration normalInterval) {
            this.normalInterval = normalInterval;
        }

        public int getJitterSlots() {
            return jitterSlots;
        }

        public void setJitterSlots(int jitterSlots) {
            this.jitterSlots = jitterSlots;
        }

        public Duration getDeadlinePollingInterval() {
            return deadlinePollingInterval;
        }

        public void setDeadlinePollingInterval(Duration deadlinePollingInterval) {
            this.deadlinePollingInterval = deadlinePollingInterval;
        }

        public int getDeadlineThreads() {
            return deadlineThreads;
        }

        public void setDeadlineThreads(int deadlineThreads) {
            this.deadlineThreads = deadlineThreads;
        }

    }

    /** The refresh pipeline. */
    public static class Refresh {

        /** CloudWatch averaging window. */
        private Duration telemetryWindow = Duration.ofMinutes(5);

        /** How long one EC2 observation may take. */
        private Duration ec2Timeout = Duration.ofSeconds(30);

        /** Minimum time between a refresh and an on-demand one. */
        private Duration onDemandMinInterval = Duration.ofSeconds(10);

        /** Also read each lab's state (one call per lab). */
        private boolean includeLabStates = false;

        /** CPU breach threshold. */
        private double cpuThresholdPercent = 90.0;

        /** Memory breach threshold. */
        private double memoryThresholdPercent = 90.0;

        public Duration getTelemetryWindow() {
            return telemetryWindow;
        }

        public void setTelemetryWindow(Duration telemetryWindow) {
            this.telemetryWindow = telemetryWindow;
        }

        public Duration getEc2Timeout() {
            return ec2Timeout;
        }

        public void setEc2Timeout(Duration ec2Timeout) {
            this.ec2Timeout = ec2Timeout;
        }

        public Duration getOnDemandMinInterval() {
            return onDemandMinInterval;
        }

        public void setOnDemandMinInterval(Duration onDemandMinInterval) {
            this.onDemandMinInterval = onDemandMinInterval;
        }

        public boolean isIncludeLabStates() {
            return includeLabStates;
        }

        public void setIncludeLabStates(boolean includeLabStates) {
            this.includeLabStates = includeLabStates;
        }

        public double getCpuThresholdPercent() {
            return cpuThresholdPercent;
        }

        public void setCpuThresholdPercent(double cpuThresholdPercent) {
            this.cpuThresholdPercent = cpuThresholdPercent;
        }

        public double getMemoryThresholdPercent() {
            return memoryThresholdPercent;
        }

        public void setMemoryThresholdPercent(double memoryThresholdPercent) {
            this.memoryThresholdPercent = memoryThresholdPercent;
        }

    }

    /** Stopping workers without lab activity. */
    public static class IdleStop {

        /** The fleet-wide switch. */
        private boolean enabled = false;

        /** How long without running nodes makes a worker idle. */
        private Duration idleAfter = Duration.ofMinutes(60);

        /** No idle stop this soon after a resume. */
        private Duration snoozeAfterResume = Duration.ofMinutes(30);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getIdleAfter() {
            return idleAfter;
        }

        public void setIdleAfter(Duration idleAfter) {
            this.idleAfter = idleAfter;
        }

        public Duration getSnoozeAfterResume() {
            return snoozeAfterResume;
        }

        public void setSnoozeAfterResume(Duration snoozeAfterResume) {
            this.snoozeAfterResume = snoozeAfterResume;
        }

    }

    /** What a caller of the HTTP API may do: read, or read and change. */
    public enum ApiRole {
        /** GET requests and the Prometheus scrape. */
        READ_ONLY,
        /** Everything READ_ONLY may, plus every mutation (provision, import, start, stop, terminate, endpoints). */
        ADMIN
    }

    /**
     * The HTTP API under {@code /api/v1} and who may call it. Nothing configured means nobody may: every request is
     * refused with 401 and a warning names these properties at startup.
     */
    public static class Api {

        /** Serve the HTTP API (a web application is needed too). */
        private boolean enabled = true;

        /** API keys, sent in the {@code X-API-Key} header. */
        private List<ApiKey> keys = new ArrayList<>();

        /** HTTP basic users. */
        private List<BasicUser> users = new ArrayList<>();

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public List<ApiKey> getKeys() {
            return keys;
        }

        public void setKeys(List<ApiKey> keys) {
            this.keys = keys;
        }

        public List<BasicUser> getUsers() {
            return users;
        }

        public void setUsers(List<BasicUser> users) {
            this.users = users;
        }

        /** Whether anyone at all can authenticate. */
        public boolean hasCredentials() {
            return !keys.isEmpty() || !users.isEmpty();
        }
    }

    /** One API key. The name is the caller's identity (recorded as requestedBy); the key itself is never logged. */
    public static class ApiKey {

        /** Who holds the key, e.g. {@code ops-dashboard}; recorded as the requester of what it does. */
        private String name;

        /** The secret (never logged); use a long random value. */
        private String key;

        /** READ_ONLY or ADMIN. */
        private ApiRole role = ApiRole.READ_ONLY;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }

        public ApiRole getRole() {
            return role;
        }

        public void setRole(ApiRole role) {
            this.role = role;
        }

        @Override
        public String toString() {
            return "ApiKey[name=" + name + ", role=" + role + "]";
        }
    }

    /** One HTTP basic user. */
    public static class BasicUser {

        /** The user name; recorded as the requester of what the user does. */
        private String name;

        /** The password (never logged): plain, or encoded with an id prefix such as {@code {bcrypt}...}. */
        private String password;

        /** READ_ONLY or ADMIN. */
        private ApiRole role = ApiRole.READ_ONLY;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public ApiRole getRole() {
            return role;
        }

        public void setRole(ApiRole role) {
            this.role = role;
        }

        @Override
        public String toString() {
            return "BasicUser[name=" + name + ", role=" + role + "]";
        }
    }

}
