package io.cmlfleet.bootstrap.cli;

import io.axoniq.axonserver.grpc.control.ClientIdentification;
import io.axoniq.axonserver.grpc.control.PlatformServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * The connector's first call, made once by hand before the connector is used: Axon Server's platform handshake
 * ({@code GetPlatformServer}) with the token and context headers the connector sends. The connector retries a failed
 * handshake in the background and then fails every call with a bare {@code UNAVAILABLE}, which would hide whether
 * the server is down or refused the token; this call keeps the server's own answer for the one-line error.
 */
final class AxonServerPreflight {

    static final Metadata.Key<String> TOKEN = Metadata.Key.of("AxonIQ-Access-Token", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> CONTEXT = Metadata.Key.of("AxonIQ-Context", Metadata.ASCII_STRING_MARSHALLER);
    private static final long TIMEOUT_SECONDS = 5;

    private AxonServerPreflight() {
    }

    /** Returns when one of the servers answers the handshake; otherwise throws the last server's failure. */
    static void check(AxonServerTarget target) {
        StatusRuntimeException last = null;
        for (String server : target.servers().split(",")) {
            int colon = server.lastIndexOf(':');
            String host = server.substring(0, colon).replaceAll("^\\[|\\]$", "");
            ManagedChannel channel = channel(target, host, Integer.parseInt(server.substring(colon + 1)));
            try {
                PlatformServiceGrpc.newBlockingStub(channel)
                        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers(target)))
                        .withDeadlineAfter(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                        .getPlatformServer(ClientIdentification.newBuilder().setComponentName("cmlfleet-cli")
                                .setClientId("cmlfleet-cli-" + UUID.randomUUID()).build());
                return;
            } catch (StatusRuntimeException e) {
                last = e;
            } finally {
                channel.shutdownNow();
            }
        }
        throw StoreFailures.axonServer(last, target);
    }

    private static ManagedChannel channel(AxonServerTarget target, String host, int port) {
        NettyChannelBuilder builder = NettyChannelBuilder.forAddress(host, port);
        if (!target.tls()) {
            return builder.usePlaintext().build();
        }
        try {
            var ssl = GrpcSslContexts.forClient();
            if (target.caBundle() != null) {
                ssl.trustManager(target.caBundle().toFile());
            }
            return builder.sslContext(ssl.build()).build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new UsageException("--ca-bundle " + target.caBundle() + " is no PEM certificate bundle");
        }
    }

    private static Metadata headers(AxonServerTarget target) {
        Metadata headers = new Metadata();
        headers.put(CONTEXT, target.context());
        if (target.token() != null) {
            headers.put(TOKEN, target.token());
        }
        return headers;
    }
}
