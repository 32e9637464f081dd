package io.cmlfleet.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The simulator's self-signed certificate, committed as a resource so that every run (and every client's CA bundle)
 * uses the same one. It was made once with keytool (see docs/simulator.md): EC P-256, valid ten years, subject
 * alternative names {@code localhost}, {@code 127.0.0.1} and the first {@link LoopbackAddresses#CERTIFIED_ADDRESSES}
 * worker addresses, so host name verification passes for those workers.
 */
final class TlsMaterial {

    static final String KEYSTORE = "/io/cmlfleet/simulator/simulator-tls.p12";
    static final String CERTIFICATE_PEM = "/io/cmlfleet/simulator/simulator-tls.pem";
    /** Protects nothing secret: the key exists only for loopback testing and is published with the code. */
    private static final char[] KEYSTORE_PASSWORD = "changeit".toCharArray();

    private TlsMaterial() {
    }

    static SSLContext serverContext() {
        try (InputStream in = resource(KEYSTORE)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, KEYSTORE_PASSWORD);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, KEYSTORE_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("simulator keystore unusable", e);
        }
    }

    static String certificatePem() {
        try (InputStream in = resource(CERTIFICATE_PEM)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = TlsMaterial.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing resource " + name);
        }
        return in;
    }
}
