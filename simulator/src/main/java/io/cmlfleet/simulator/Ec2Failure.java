package io.cmlfleet.simulator;

/**
 * An EC2 error as AWS reports it: an error code, a message and the HTTP status ({@code InvalidInstanceID.NotFound}
 * 400, {@code RequestLimitExceeded} 503, ...). Thrown inside the simulator and rendered as the query-protocol error
 * document.
 */
final class Ec2Failure extends RuntimeException {

    private final String code;
    private final int httpStatus;

    Ec2Failure(int httpStatus, String code, String message) {
        super(message, null, false, false);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    static Ec2Failure notFound(java.util.Collection<String> ids) {
        return new Ec2Failure(400, "InvalidInstanceID.NotFound", ids.size() == 1
                ? "The instance ID '" + ids.iterator().next() + "' does not exist"
                : "The instance IDs '" + String.join(", ", ids) + "' do not exist");
    }

    static Ec2Failure invalidParameter(String message) {
        return new Ec2Failure(400, "InvalidParameterValue", message);
    }

    String code() {
        return code;
    }

    int httpStatus() {
        return httpStatus;
    }
}
