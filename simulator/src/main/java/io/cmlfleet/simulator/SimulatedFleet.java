package io.cmlfleet.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fleet of simulated CML workers on loopback: one plain HTTP server that is EC2 (query protocol) and CloudWatch
 * (Smithy RPC v2 CBOR) for every region, and one HTTPS server that is the CML controller of every worker, told
 * apart by the 127.77.x.y address a connection arrives on. All behaviour is computed from the clock on demand, so
 * the fleet costs no threads per instance and a {@link ManualClock} replays minutes of boot time instantly.
 *
 * <pre>{@code
 * try (SimulatedFleet fleet = SimulatedFleet.create(FleetProfile.builder().instances(100).build(), clock).start()) {
 *     AwsAdapterSettings aws = AwsAdapterSettings.defaults().withEndpointOverride(fleet.awsEndpoint()) ...;
 *     CmlClientSettings cml = CmlClientSettings.defaults().withCaBundlePem(fleet.certificatePem())
 *             .withDefaultPort(fleet.cmlPort());
 * }
 * }</pre>
 */
public final class SimulatedFleet implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatedFleet.class);
    private static final int BACKLOG = 512;
    /**
     * The JDK HTTP server's property for how many idle kept-alive connections it holds in all (default 200). One
     * server plays every controller here, where each real controller has an nginx of its own: at 200 for a fleet of
     * hundreds, the server closed each connection after its response, and every CML call paid a TLS handshake.
     * The server reads it once, when its first instance is made, so it is set before that, unless a host set it.
     */
    static final String MAX_IDLE_CONNECTIONS = "sun.net.httpserver.maxIdleConnections";
    private static final String IDLE_CONNECTIONS_FOR_A_FLEET = "100000";

    static {
        if (System.getProperty(MAX_IDLE_CONNECTIONS) == null) {
            System.setProperty(MAX_IDLE_CONNECTIONS, IDLE_CONNECTIONS_FOR_A_FLEET);
        }
    }

    private final FleetModel model;
    private final RequestCounters counters = new RequestCounters();
    private final Ec2QueryApi ec2;
    private final CloudWatchRpcApi cloudWatch;
    private final CmlControllerApi cml;
    private HttpServer awsServer;
    private HttpsServer cmlServer;
    private ExecutorService handlers;

    private SimulatedFleet(FleetProfile profile, Clock clock) {
        this.model = new FleetModel(Objects.requireNonNull(profile, "profile"), Objects.requireNonNull(clock, "clock"));
        ThrottleInjector throttle = new ThrottleInjector(profile.seed(), profile.throttlePercent());
        this.ec2 = new Ec2QueryApi(model, counters, throttle);
        this.cloudWatch = new CloudWatchRpcApi(model, counters, throttle);
        this.cml = new CmlControllerApi(model, counters);
    }

    /** Builds the fleet's instances; no sockets yet, so the instance list can be read before {@link #start()}. */
    public static SimulatedFleet create(FleetProfile profile, Clock clock) {
        return new SimulatedFleet(profile, clock);
    }

    public static SimulatedFleet create(FleetProfile profile) {
        return create(profile, Clock.systemUTC());
    }

    /** Opens both servers: AWS on 127.0.0.1, CML on every address (answering loopback connections only). */
    public synchronized SimulatedFleet start() {
        if (awsServer != null) {
            return this;
        }
        handlers = Executors.newCachedThreadPool(daemonThreads());
        try {
            awsServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    model.profile.awsPort()), BACKLOG);
            awsServer.createContext("/", this::handleAws);
            awsServer.setExecutor(handlers);

            cmlServer = HttpsServer.create(new InetSocketAddress(model.profile.cmlPort()), BACKLOG);
            cmlServer.setHttpsConfigurator(new CountingHttpsConfigurator(TlsMaterial.serverContext(), counters));
            cmlServer.createContext("/", exchange -> guarded(exchange, () -> cml.handle(exchange)));
            cmlServer.setExecutor(handlers);
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("cannot open the simulator's ports", e);
        }
        awsServer.start();
        cmlServer.start();
        log.info("Simulated fleet started: AWS at {}, CML on port {}, {}", awsEndpoint(), cmlPort(), model.profile);
        return this;
    }

    public synchronized void stop() {
        if (awsServer != null) {
            awsServer.stop(0);
            awsServer = null;
        }
        if (cmlServer != null) {
            cmlServer.stop(0);
            cmlServer = null;
        }
        if (handlers != null) {
            handlers.shutdownNow();
            handlers = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The endpoint override for the AWS SDK (EC2 and CloudWatch alike), e.g. {@code http://127.0.0.1:41234}. */
    public synchronized URI awsEndpoint() {
        requireStarted();
        return URI.create("http://127.0.0.1:" + awsServer.getAddress().getPort());
    }

    /** The port of every simulated CML controller; give it to the CML client as its default port. */
    public synchronized int cmlPort() {
        requireStarted();
        return cmlServer.getAddress().getPort();
    }

    /** The controller of one worker with the port spelled out, e.g. {@code https://127.77.0.3:41235}. */
    public URI cmlEndpoint(String instanceId) {
        return URI.create("https://" + instance(instanceId).address + ":" + cmlPort());
    }

    /**
     * The Smart Licensing agent of one worker's controller: what {@code GET /licensing} serves and how the licence
     * operations go; tests pin a recorded body with {@link SimulatedLicensing#serve(byte[])}.
     */
    public SimulatedLicensing licensing(String instanceId) {
        return cml.licensingOf(instance(instanceId));
    }

    /** The certificate every simulated controller presents, as PEM: use it as the CML client's CA bundle. */
    public String certificatePem() {
        return TlsMaterial.certificatePem();
    }

    public String cmlUsername() {
        return model.profile.cmlUsername();
    }

    public String cmlPassword() {
        return model.profile.cmlPassword();
    }

    public FleetProfile profile() {
        return model.profile;
    }

    /** Every instance ever launched, initial ones first, for importing into the application. */
    public List<SimulatedWorker> workers() {
        return model.all().stream().map(SimulatedFleet::view).toList();
    }

    public Optional<SimulatedWorker> worker(String instanceId) {
        return Optional.ofNullable(model.find(instanceId)).map(SimulatedFleet::view);
    }

    /**
     * Sets the {@code admission_state} the controller's compute reports in {@code system_health}, as a CML
     * administrator does in System Administration: CML 2.9 knows {@code UNREGISTERED}, {@code REGISTERED},
     * {@code ONLINE} (may not start nodes) and {@code READY}.
     */
    public void setComputeAdmission(String instanceId, String admissionState) {
        instance(instanceId).computeAdmission(java.util.Objects.requireNonNull(admissionState, "admissionState"));
    }

    public InstanceState state(String instanceId) {
        return model.state(instance(instanceId), model.now());
    }

    /** The CPUUtilization CloudWatch reports for a period starting at {@code at}; CML's system_stats uses now. */
    public double cpuPercent(String instanceId, Instant at) {
        return model.cpuPercent(instance(instanceId), at);
    }

    public double memoryPercent(String instanceId, Instant at) {
        return model.memoryPercent(instance(instanceId), at);
    }

    /** A user acting on the controller directly (in its UI, say): one telemetry event of theirs, now. */
    public void recordUserActivity(String instanceId, String category, String user) {
        instance(instanceId).system().record(category, user, model.now(), null);
    }

    /** Whether the controller is in maintenance mode. */
    public boolean maintenanceMode(String instanceId) {
        return instance(instanceId).system().maintenanceMode();
    }

    /** The contents of the controller's system notices, in the order they were posted. */
    public List<String> notices(String instanceId) {
        return instance(instanceId).system().notices().stream().map(ControllerSystem.Notice::content).toList();
    }

    public RequestCounters requests() {
        return counters;
    }

    /** How often an instance state was derived; idle time costs none, a describe costs one per instance. */
    public long stateEvaluations() {
        return model.stateEvaluations();
    }

    private void handleAws(HttpExchange exchange) throws IOException {
        guarded(exchange, () -> {
            String path = exchange.getRequestURI().getPath();
            if ("POST".equals(exchange.getRequestMethod()) && path.startsWith(CloudWatchRpcApi.PATH_PREFIX)) {
                cloudWatch.handle(exchange);
            } else if ("POST".equals(exchange.getRequestMethod()) && "/".equals(path)) {
                ec2.handle(exchange);
            } else {
                counters.increment("aws:unknown-path");
                Exchanges.send(exchange, 404, "text/plain", "not simulated: " + exchange.getRequestMethod() + " " + path);
            }
        });
    }

    /** A bug in a handler must answer 500 rather than leave the client waiting for its timeout. */
    private void guarded(HttpExchange exchange, IoAction action) throws IOException {
        try {
            action.run();
        } catch (RuntimeException | IOException e) {
            log.warn("Simulator failed on {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
            try {
                Exchanges.send(exchange, 500, "text/plain", "simulator failure: " + e.getClass().getSimpleName());
            } catch (IOException | RuntimeException alreadyAnswered) {
                exchange.close();
            }
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    private SimulatedInstance instance(String instanceId) {
        SimulatedInstance instance = model.find(instanceId);
        if (instance == null) {
            throw new NoSuchElementException("no simulated instance " + instanceId);
        }
        return instance;
    }

    private static SimulatedWorker view(SimulatedInstance instance) {
        return new SimulatedWorker(instance.instanceId, instance.region,
                instance.traits.publicIp() ? instance.address : null, instance.traits);
    }

    private void requireStarted() {
        if (awsServer == null) {
            throw new IllegalStateException("the simulated fleet is not started");
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "cml-simulator-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
