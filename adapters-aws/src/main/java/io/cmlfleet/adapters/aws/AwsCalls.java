package io.cmlfleet.adapters.aws;

import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/** Runs one SDK call and turns any SDK failure into the port's exception at the adapter boundary. */
final class AwsCalls {

    private AwsCalls() {
    }

    static <T> T call(String region, String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw AwsErrorTranslator.translate(e, region, operation);
        }
    }
}
