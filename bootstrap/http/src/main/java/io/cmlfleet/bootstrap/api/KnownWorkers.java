package io.cmlfleet.bootstrap.api;

import io.cmlfleet.application.readmodel.query.FindWorkerById;
import io.cmlfleet.application.readmodel.query.WorkerSummary;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/** The 404 of the worker sub-resources (labs, licence): the worker must be in the read model. */
final class KnownWorkers {

    private KnownWorkers() {
    }

    static WorkerSummary require(QueryGateway queries, String workerId) {
        return queries.query(new FindWorkerById(workerId), ResponseTypes.optionalInstanceOf(WorkerSummary.class))
                .join().orElseThrow(() -> new UnknownWorkerException("No worker with id " + workerId));
    }
}
