package io.cmlfleet.adapters.cml;

import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The size cap acts before or while reading, never after buffering everything. */
class CappedBodyHandlerTest {

    @Test
    void declaredLengthAboveTheCapIsRefusedBeforeAnyByteIsRequested() {
        RecordingSubscription subscription = new RecordingSubscription();
        HttpResponse.BodySubscriber<byte[]> subscriber = new CappedBodyHandler(100).apply(info(Map.of("Content-Length", List.of("5000"))));

        subscriber.onSubscribe(subscription);

        assertThat(subscription.requested).isZero();
        assertThat(subscription.cancelled).isTrue();
        assertThatThrownBy(() -> subscriber.getBody().toCompletableFuture().get())
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(CappedBodyHandler.ResponseTooLargeException.class);
    }

    @Test
    void streamIsCancelledAsSoonAsItCrossesTheCap() {
        RecordingSubscription subscription = new RecordingSubscription();
        HttpResponse.BodySubscriber<byte[]> subscriber = new CappedBodyHandler(100).apply(info(Map.of()));
        subscriber.onSubscribe(subscription);

        subscriber.onNext(List.of(ByteBuffer.wrap(new byte[60])));
        assertThat(subscription.cancelled).isFalse();
        subscriber.onNext(List.of(ByteBuffer.wrap(new byte[60])));

        assertThat(subscription.cancelled).isTrue();
        assertThat(subscriber.getBody().toCompletableFuture()).isCompletedExceptionally();
    }

    @Test
    void bodyUpToTheCapIsDeliveredWhole() throws Exception {
        HttpResponse.BodySubscriber<byte[]> subscriber = new CappedBodyHandler(4).apply(info(Map.of()));
        subscriber.onSubscribe(new RecordingSubscription());

        subscriber.onNext(List.of(ByteBuffer.wrap(new byte[]{1, 2}), ByteBuffer.wrap(new byte[]{3, 4})));
        subscriber.onComplete();

        assertThat(subscriber.getBody().toCompletableFuture().get()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void connectionErrorMidBodyIsReportedAsInterruptedBody() {
        HttpResponse.BodySubscriber<byte[]> subscriber = new CappedBodyHandler(100).apply(info(Map.of()));
        subscriber.onSubscribe(new RecordingSubscription());

        subscriber.onError(new java.io.EOFException("EOF reached while reading"));

        CompletableFuture<byte[]> body = subscriber.getBody().toCompletableFuture();
        assertThatThrownBy(body::get).hasCauseInstanceOf(CappedBodyHandler.BodyInterruptedException.class);
    }

    private static HttpResponse.ResponseInfo info(Map<String, List<String>> headers) {
        return new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return 200;
            }

            @Override
            public HttpHeaders headers() {
                return HttpHeaders.of(headers, (name, value) -> true);
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }

    private static final class RecordingSubscription implements Flow.Subscription {
        long requested;
        boolean cancelled;

        @Override
        public void request(long n) {
            requested += n;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
