package io.cmlfleet.adapters.cml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body into memory but never more than {@code maxBytes}: a declared Content-Length
 * above the cap is refused before reading, and a streamed (chunked) body is cut off, and the connection
 * abandoned, the moment it crosses the cap. A broken controller or a wrong address can therefore not
 * make the monitor buffer an unbounded body.
 */
final class CappedBodyHandler implements HttpResponse.BodyHandler<byte[]> {

    private final int maxBytes;

    CappedBodyHandler(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
        long declaredLength = info.headers().firstValueAsLong("Content-Length").orElse(-1L);
        return new CappedSubscriber(maxBytes, declaredLength);
    }

    /** The body crossed the cap; carries the cap so the message can name it. */
    static final class ResponseTooLargeException extends IOException {
        ResponseTooLargeException(int maxBytes) {
            super("response body larger than " + maxBytes + " bytes");
        }
    }

    /** The connection failed after the headers arrived, so the body we have is incomplete. */
    static final class BodyInterruptedException extends IOException {
        BodyInterruptedException(Throwable cause) {
            super("response body interrupted: " + cause.getMessage(), cause);
        }
    }

    private static final class CappedSubscriber implements HttpResponse.BodySubscriber<byte[]> {
        private final int maxBytes;
        private final long declaredLength;
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private Flow.Subscription subscription;
        private long received;

        CappedSubscriber(int maxBytes, long declaredLength) {
            this.maxBytes = maxBytes;
            this.declaredLength = declaredLength;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (declaredLength > maxBytes) {
                tooLarge();
                return;
            }
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer chunk : buffers) {
                received += chunk.remaining();
                if (received > maxBytes) {
                    tooLarge();
                    return;
                }
                byte[] bytes = new byte[chunk.remaining()];
                chunk.get(bytes);
                buffer.write(bytes, 0, bytes.length);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            body.completeExceptionally(new BodyInterruptedException(throwable));
        }

        @Override
        public void onComplete() {
            body.complete(buffer.toByteArray());
        }

        private void tooLarge() {
            subscription.cancel();
            body.completeExceptionally(new ResponseTooLargeException(maxBytes));
        }
    }
}
