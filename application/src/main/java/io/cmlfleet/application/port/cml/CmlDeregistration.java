package io.cmlfleet.application.port.cml;

/**
 * How CML answered a deregistration: 204 (done, Smart Software Licensing told), 202 (done on the controller, but
 * Smart Software Licensing could not be told: a communication timeout, as virl2-client explains it) or 200.
 *
 * @param httpStatus CML's status code
 * @param message    CML's status text from the body, if it sent one; null otherwise
 */
public record CmlDeregistration(int httpStatus, String message) {

    /** Whether CML says the controller deregistered but Cisco's servers were not told. */
    public boolean cssmNotTold() {
        return httpStatus == 202;
    }
}
