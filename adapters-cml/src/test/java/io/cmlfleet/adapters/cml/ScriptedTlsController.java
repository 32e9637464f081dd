package io.cmlfleet.adapters.cml;

import io.cmlfleet.application.port.cml.CmlTarget;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A CML controller on loopback TLS that answers the login from the fixture and then misbehaves on one path at the
 * byte level, exactly as scripted. WireMock's faults race with the client (the same fault reads as a lost
 * connection or as a cut body, depending on when the socket closes), so failures that must be classified one way
 * need a server whose bytes and timing are fixed.
 */
final class ScriptedTlsController implements AutoCloseable {

    /** What the controller does with a request to the scripted path. */
    enum Misbehaviour {
        /** Sends complete headers declaring the whole body, half of the body, and closes the connection. */
        CUT_BODY_AFTER_HEADERS,
        /** Reads the request and never answers until the controller is closed. */
        NEVER_ANSWER
    }

    private final String scriptedPath;
    private final Misbehaviour misbehaviour;
    private final byte[] scriptedBody;
    private final SSLServerSocket server;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<Socket> connections = new CopyOnWriteArrayList<>();

    ScriptedTlsController(String scriptedPath, Misbehaviour misbehaviour, byte[] scriptedBody) {
        this.scriptedPath = scriptedPath;
        this.misbehaviour = misbehaviour;
        this.scriptedBody = scriptedBody;
        try {
            server = (SSLServerSocket) serverContext().getServerSocketFactory()
                    .createServerSocket(0, 16, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "scripted-cml-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    CmlTarget target() {
        return new CmlTarget("w-1", URI.create("https://localhost:" + server.getLocalPort()));
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                connections.add(connection);
                Thread handler = new Thread(() -> serve(connection), "scripted-cml-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closedWhileAccepting) {
                return;
            }
        }
    }

    /** HTTP/1.1 with keep-alive: the client may send the login and the scripted request on one connection. */
    private void serve(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                skipBody(in, head);
                String path = head.substring(0, head.indexOf("\r\n")).split(" ")[1].split("\\?")[0];
                if (!path.equals(scriptedPath)) {
                    answer(out, path.endsWith("/authenticate") ? LoopbackCmlController.fixture("authenticate.json")
                            : "{}".getBytes(StandardCharsets.UTF_8));
                    continue;
                }
                switch (misbehaviour) {
                    case CUT_BODY_AFTER_HEADERS -> {
                        out.write(headers(scriptedBody.length));
                        out.write(Arrays.copyOf(scriptedBody, scriptedBody.length / 2));
                        out.flush();
                        return; // closing with half the declared body sent
                    }
                    case NEVER_ANSWER -> {
                        closed.await();
                        return;
                    }
                    default -> throw new IllegalStateException(misbehaviour.name());
                }
            }
        } catch (IOException | InterruptedException connectionGone) {
            // the client gave up or the controller closed: nothing left to serve
        }
    }

    private static void answer(OutputStream out, byte[] body) throws IOException {
        out.write(headers(body.length));
        out.write(body);
        out.flush();
    }

    private static byte[] headers(int contentLength) {
        return ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + contentLength
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The request line and headers up to the blank line, or null at the end of the stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static void skipBody(InputStream in, String head) throws IOException {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring("content-length:".length()).trim()));
            }
        }
    }

    private static SSLContext serverContext() {
        try (InputStream keystore = Files.newInputStream(LoopbackCmlController.resource("tls/cml-test-server.p12"))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(keystore, "changeit".toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, "changeit".toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            server.close();
            for (Socket connection : connections) {
                connection.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
