package io.cmlfleet.application.refresh;

import io.cmlfleet.application.port.cloud.CloudAccessException;
import io.cmlfleet.application.port.cloud.InstanceSnapshot;
import io.cmlfleet.application.port.cloud.TelemetrySample;

/**
 * What EC2 and CloudWatch said about one worker's instance in a batched observation of its region, handed to the
 * worker's refresh so that it makes no AWS call of its own. Either part may instead hold the failure of its batched
 * call; a missing telemetry part ({@code telemetryObserved} false) means the batch did not sample the instance (it was
 * not running), and the refresh samples it itself if it finds the worker RUNNING after all.
 */
record CloudObservation(InstanceSnapshot snapshot, CloudAccessException ec2Failure, boolean telemetryObserved,
                        TelemetrySample sample, CloudAccessException telemetryFailure) {

    static CloudObservation ec2Failed(CloudAccessException failure) {
        return new CloudObservation(null, failure, false, null, null);
    }

    static CloudObservation described(InstanceSnapshot snapshot) {
        return new CloudObservation(snapshot, null, false, null, null);
    }

    CloudObservation withSample(TelemetrySample observed) {
        return new CloudObservation(snapshot, ec2Failure, true, observed, null);
    }

    CloudObservation withTelemetryFailure(CloudAccessException failure) {
        return new CloudObservation(snapshot, ec2Failure, true, null, failure);
    }

    /** The EC2 snapshot, or the batched call's failure. */
    InstanceSnapshot snapshotOrThrow() {
        if (ec2Failure != null) {
            throw ec2Failure;
        }
        return snapshot;
    }

    /** The telemetry sample (null when CloudWatch had none for the instance), or the batched call's failure. */
    TelemetrySample sampleOrThrow() {
        if (telemetryFailure != null) {
            throw telemetryFailure;
        }
        return sample;
    }
}
