package io.cmlfleet.adapters.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmlfleet.application.port.cloud.CloudAccessException;
import io.cmlfleet.application.port.cloud.CloudAccessException.Kind;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsErrorTranslatorTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "InvalidInstanceID.NotFound, UNKNOWN_INSTANCE",
            "InvalidInstanceID.Malformed, UNKNOWN_INSTANCE",
            "UnauthorizedOperation, ACCESS_DENIED",
            "AuthFailure, ACCESS_DENIED",
            "AccessDenied, ACCESS_DENIED",
            "AccessDeniedException, ACCESS_DENIED",
            "RequestLimitExceeded, THROTTLED",
            "Throttling, THROTTLED",
            "InvalidParameterValue, INVALID_REQUEST",
            "InvalidAMIID.NotFound, INVALID_REQUEST",
            "MissingParameter, INVALID_REQUEST",
            "IncorrectInstanceState, INVALID_REQUEST",
            "InternalError, FAILED"
    })
    void mapsAwsErrorCodes(String code, Kind expected) {
        AwsServiceException error = AwsServiceException.builder()
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("detail").build())
                .build();

        CloudAccessException translated = AwsErrorTranslator.translate(error, "eu-west-1", "DescribeInstances");

        assertThat(translated.kind()).isEqualTo(expected);
        assertThat(translated.region()).isEqualTo("eu-west-1");
        assertThat(translated.getMessage()).startsWith("DescribeInstances in eu-west-1: ").contains(code);
    }

    @Test
    void unwrapsCompletionExceptionsAndMapsClientErrorsToUnreachable() {
        SdkClientException io = SdkClientException.create("Unable to execute HTTP request: Connect timed out");

        CloudAccessException translated =
                AwsErrorTranslator.translate(new CompletionException(io), "us-east-1", "GetMetricData");

        assertThat(translated.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(translated.getMessage()).contains("Connect timed out");
    }

    @Test
    void missingCredentialsAreAccessDeniedNotUnreachable() {
        SdkClientException noCredentials =
                SdkClientException.create("Unable to load credentials from any of the providers in the chain");

        assertThat(AwsErrorTranslator.translate(noCredentials, "us-east-1", "StartInstances").kind())
                .isEqualTo(Kind.ACCESS_DENIED);
    }

    @Test
    void http403WithoutAKnownCodeIsAccessDenied() {
        AwsServiceException error = AwsServiceException.builder()
                .statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("SomethingNew").build())
                .build();

        assertThat(AwsErrorTranslator.translate(error, "us-east-1", "CreateTags").kind()).isEqualTo(Kind.ACCESS_DENIED);
    }
}
