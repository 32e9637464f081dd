package io.cmlfleet.bootstrap.cli;

import io.axoniq.axonserver.grpc.InstructionAck;
import io.axoniq.axonserver.grpc.control.ClientIdentification;
import io.axoniq.axonserver.grpc.control.NodeInfo;
import io.axoniq.axonserver.grpc.control.PlatformInboundInstruction;
import io.axoniq.axonserver.grpc.control.PlatformInfo;
import io.axoniq.axonserver.grpc.control.PlatformOutboundInstruction;
import io.axoniq.axonserver.grpc.control.PlatformServiceGrpc;
import io.axoniq.axonserver.grpc.event.Confirmation;
import io.axoniq.axonserver.grpc.event.Event;
import io.axoniq.axonserver.grpc.event.EventStoreGrpc;
import io.axoniq.axonserver.grpc.event.EventWithToken;
import io.axoniq.axonserver.grpc.event.GetAggregateEventsRequest;
import io.axoniq.axonserver.grpc.event.GetAggregateSnapshotsRequest;
import io.axoniq.axonserver.grpc.event.GetEventsRequest;
import io.axoniq.axonserver.grpc.event.GetFirstTokenRequest;
import io.axoniq.axonserver.grpc.event.GetLastTokenRequest;
import io.axoniq.axonserver.grpc.event.GetTokenAtRequest;
import io.axoniq.axonserver.grpc.event.ReadHighestSequenceNrRequest;
import io.axoniq.axonserver.grpc.event.ReadHighestSequenceNrResponse;
import io.axoniq.axonserver.grpc.event.TrackingToken;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;

/**
 * An in-process stand-in of Axon Server's gRPC services, on a loopback port: the platform handshake the connector
 * makes (GetPlatformServer, the instruction stream) and the event-store calls cmlfleet's reads and appends use
 * (AppendEvent, ListAggregateEvents, ListAggregateSnapshots, ListEvents, GetFirstToken, GetLastToken, GetTokenAt,
 * ReadHighestSequenceNr). Events are kept as the protobuf messages the connector sent, so what is read back is exactly
 * what cmlfleet's serializer wrote. Access tokens and the context are checked as Axon Server checks them: from the
 * {@code AxonIQ-Access-Token} and {@code AxonIQ-Context} headers of every call.
 *
 * <p>Token semantics follow Axon Server: the global token of an event is its index (from 0); GetFirstToken answers 0,
 * GetLastToken the last index (-1 when empty), GetTokenAt the first index whose timestamp is at or after the instant
 * (the next index when none is).
 */
public final class AxonServerStandIn implements AutoCloseable {

    static final Metadata.Key<String> TOKEN = Metadata.Key.of("AxonIQ-Access-Token", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> CONTEXT = Metadata.Key.of("AxonIQ-Context", Metadata.ASCII_STRING_MARSHALLER);

    private final String context;
    private final String accessToken;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<Long> listEventsStarts = new CopyOnWriteArrayList<>();
    private final List<Long> tokenAtRequests = new CopyOnWriteArrayList<>();
    /** The open ListEvents streams, told about every append so that a stream at the head carries on (as a live
     * tracking processor needs). */
    private final List<Runnable> openStreams = new CopyOnWriteArrayList<>();
    private final Server server;
    private final boolean tls;

    private AxonServerStandIn(String context, String accessToken, boolean tls) {
        this.context = Objects.requireNonNull(context, "context");
        this.accessToken = accessToken;
        this.tls = tls;
        ServerInterceptor checks = new AccessCheck();
        NettyServerBuilder builder = NettyServerBuilder.forAddress(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        if (tls) {
            builder.sslContext(serverTls());
        }
        this.server = builder
                .addService(ServerInterceptors.intercept(new Platform(), checks))
                .addService(ServerInterceptors.intercept(new Events(), checks))
                .build();
    }

    /** Serves {@code context} in plain text; with a non-null token, every call must carry it. */
    public static AxonServerStandIn start(String context, String accessToken) {
        return started(new AxonServerStandIn(context, accessToken, false));
    }

    /** The same over TLS, with the simulator's certificate for localhost (its CA: {@link #certificatePem()}). */
    public static AxonServerStandIn startWithTls(String context, String accessToken) {
        return started(new AxonServerStandIn(context, accessToken, true));
    }

    public boolean tls() {
        return tls;
    }

    /** The PEM a client trusts to verify this server over TLS. */
    public static String certificatePem() {
        try (InputStream in = resource("simulator-tls.pem")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SslContext serverTls() {
        try (InputStream in = resource("simulator-tls.p12")) {
            char[] password = "changeit".toCharArray(); // the simulator's published loopback-only key
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, password);
            return GrpcSslContexts.configure(SslContextBuilder.forServer(keys)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = AxonServerStandIn.class.getResourceAsStream("/io/cmlfleet/simulator/" + name);
        if (in == null) {
            throw new IOException("missing simulator resource " + name);
        }
        return in;
    }

    private static AxonServerStandIn started(AxonServerStandIn standIn) {
        try {
            standIn.server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return standIn;
    }

    public String address() {
        return "localhost:" + server.getPort();
    }

    public int port() {
        return server.getPort();
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    /** The first global token asked for by each ListEvents call, in call order. */
    public List<Long> listEventsStarts() {
        return List.copyOf(listEventsStarts);
    }

    /** The instants (epoch millis) asked for by GetTokenAt, in call order. */
    public List<Long> tokenAtRequests() {
        return List.copyOf(tokenAtRequests);
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }

    private final class AccessCheck implements ServerInterceptor {
        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                           ServerCallHandler<Q, R> next) {
            if (accessToken != null && !accessToken.equals(headers.get(TOKEN))) {
                // Axon Server's wording for a missing or wrong token.
                call.close(Status.PERMISSION_DENIED.withDescription("AXONIQ-1000: Invalid token"), new Metadata());
                return new ServerCall.Listener<>() {
                };
            }
            String asked = headers.get(CONTEXT);
            if (asked != null && !asked.equals(context)) {
                call.close(Status.NOT_FOUND.withDescription("AXONIQ-2100: Context not found: " + asked),
                        new Metadata());
                return new ServerCall.Listener<>() {
                };
            }
            return next.startCall(call, headers);
        }
    }

    private final class Platform extends PlatformServiceGrpc.PlatformServiceImplBase {
        @Override
        public void getPlatformServer(ClientIdentification request, StreamObserver<PlatformInfo> response) {
            // "Stay on this connection": no other node to redirect to.
            response.onNext(PlatformInfo.newBuilder().setSameConnection(true)
                    .setPrimary(NodeInfo.newBuilder().setNodeName("stand-in").setHostName("localhost")
                            .setGrpcPort(server.getPort()).setVersion(1)).build());
            response.onCompleted();
        }

        @Override
        public StreamObserver<PlatformInboundInstruction> openStream(
                StreamObserver<PlatformOutboundInstruction> outbound) {
            return new StreamObserver<>() {
                @Override
                public void onNext(PlatformInboundInstruction instruction) {
                    if (!instruction.getInstructionId().isEmpty()) {
                        synchronized (outbound) {
                            outbound.onNext(PlatformOutboundInstruction.newBuilder().setAck(InstructionAck.newBuilder()
                                    .setInstructionId(instruction.getInstructionId()).setSuccess(true)).build());
                        }
                    }
                }

                @Override
                public void onError(Throwable t) {
                }

                @Override
                public void onCompleted() {
                    synchronized (outbound) {
                        outbound.onCompleted();
                    }
                }
            };
        }
    }

    private final class Events extends EventStoreGrpc.EventStoreImplBase {

        @Override
        public StreamObserver<Event> appendEvent(StreamObserver<Confirmation> response) {
            List<Event> transaction = new ArrayList<>();
            return new StreamObserver<>() {
                @Override
                public void onNext(Event event) {
                    transaction.add(event);
                }

                @Override
                public void onError(Throwable t) {
                    transaction.clear();
                }

                @Override
                public void onCompleted() {
                    synchronized (events) {
                        events.addAll(transaction); // all of the transaction or nothing, as Axon Server commits
                    }
                    response.onNext(Confirmation.newBuilder().setSuccess(true).build());
                    response.onCompleted();
                    openStreams.forEach(Runnable::run);
                }
            };
        }

        @Override
        public void listAggregateEvents(GetAggregateEventsRequest request, StreamObserver<Event> response) {
            for (Event event : events) {
                if (event.getAggregateIdentifier().equals(request.getAggregateId())
                        && event.getAggregateSequenceNumber() >= request.getInitialSequence()) {
                    response.onNext(event);
                }
            }
            response.onCompleted();
        }

        @Override
        public void listAggregateSnapshots(GetAggregateSnapshotsRequest request, StreamObserver<Event> response) {
            response.onCompleted();
        }

        @Override
        public void readHighestSequenceNr(ReadHighestSequenceNrRequest request,
                                          StreamObserver<ReadHighestSequenceNrResponse> response) {
            long highest = -1;
            for (Event event : events) {
                if (event.getAggregateIdentifier().equals(request.getAggregateId())) {
                    highest = Math.max(highest, event.getAggregateSequenceNumber());
                }
            }
            response.onNext(ReadHighestSequenceNrResponse.newBuilder().setToSequenceNr(highest).build());
            response.onCompleted();
        }

        @Override
        public void getFirstToken(GetFirstTokenRequest request, StreamObserver<TrackingToken> response) {
            token(response, 0);
        }

        @Override
        public void getLastToken(GetLastTokenRequest request, StreamObserver<TrackingToken> response) {
            token(response, events.size() - 1);
        }

        @Override
        public void getTokenAt(GetTokenAtRequest request, StreamObserver<TrackingToken> response) {
            tokenAtRequests.add(request.getInstant());
            List<Event> all = events();
            long at = all.size();
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).getTimestamp() >= request.getInstant()) {
                    at = i;
                    break;
                }
            }
            token(response, at);
        }

        private void token(StreamObserver<TrackingToken> response, long token) {
            response.onNext(TrackingToken.newBuilder().setToken(token).build());
            response.onCompleted();
        }

        /**
         * Sends events from the requested token as permits allow, and keeps the stream open at the head (as Axon
         * Server does, sending new events as they are appended) until the client cancels it.
         */
        @Override
        public StreamObserver<GetEventsRequest> listEvents(StreamObserver<EventWithToken> response) {
            ServerCallStreamObserver<EventWithToken> out = (ServerCallStreamObserver<EventWithToken>) response;
            EventStream stream = new EventStream(out);
            Runnable onAppend = stream::send;
            openStreams.add(onAppend);
            out.setOnCancelHandler(() -> openStreams.remove(onAppend));
            return stream;
        }
    }

    /** One ListEvents stream: sends what its permits allow, now and after every append. */
    private final class EventStream implements StreamObserver<GetEventsRequest> {
        private final ServerCallStreamObserver<EventWithToken> out;
        private long next = -1;
        private long permits;

        EventStream(ServerCallStreamObserver<EventWithToken> out) {
            this.out = out;
        }

        @Override
        public synchronized void onNext(GetEventsRequest request) {
            if (next < 0) {
                next = request.getTrackingToken();
                listEventsStarts.add(next);
            }
            permits += request.getNumberOfPermits();
            send();
        }

        synchronized void send() {
            if (next < 0) {
                return;
            }
            List<Event> all = events();
            while (permits > 0 && next < all.size() && !out.isCancelled()) {
                out.onNext(EventWithToken.newBuilder().setToken(next).setEvent(all.get((int) next)).build());
                next++;
                permits--;
            }
        }

        @Override
        public void onError(Throwable t) {
        }

        @Override
        public void onCompleted() {
            if (!out.isCancelled()) {
                out.onCompleted();
            }
        }
    }
}
