package io.cmlfleet.application.operations;

/** No dead-lettered sequence with this processing group and identifier. */
public class UnknownDeadLetterSequenceException extends RuntimeException {

    public UnknownDeadLetterSequenceException(String processingGroup, String sequenceIdentifier) {
        super("No dead-lettered sequence '" + sequenceIdentifier + "' in processing group '" + processingGroup + "'");
    }
}
