package io.cmlfleet.application.forensics;

import io.cmlfleet.application.readmodel.projection.ProjectionJdbc;
import io.cmlfleet.application.readmodel.schema.ProjectionTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** What the checkpoint exactness tests share: skewed messages of a history, and the checkpoint rows they alter. */
final class CheckpointTestStore {

    private CheckpointTestStore() {
    }

    /** The history's events as stored messages; about one in twenty stamped up to 90 s early (clock skew). */
    static List<DomainEventMessage<?>> skewedMessages(String workerId, History history, Random random) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        List<History.Recorded> recorded = history.recorded();
        for (int sequence = 0; sequence < recorded.size(); sequence++) {
            History.Recorded r = recorded.get(sequence);
            Instant at = random.nextInt(20) == 0 ? r.at().minusMillis(random.nextInt(90_000)) : r.at();
            messages.add(new GenericDomainEventMessage<>("CMLWorker", workerId, sequence, r.event(),
                    MetaData.with("cmlfleet.correlationId", "c-" + sequence), UUID.randomUUID().toString(), at));
        }
        return messages;
    }

    /** Sets {@code assignments} on every checkpoint of the worker, behind the projection's back. */
    static void update(JdbcTemplate jdbc, String workerId, String assignments, Object... values) {
        Object[] arguments = new Object[values.length + 1];
        System.arraycopy(values, 0, arguments, 0, values.length);
        arguments[values.length] = workerId;
        jdbc.update("UPDATE " + ProjectionTables.FORENSIC_CHECKPOINT + " SET " + assignments + " WHERE worker_id = ?",
                arguments);
    }

    /** One column of the worker's checkpoint at {@code sequence}. */
    static String column(JdbcTemplate jdbc, String column, String workerId, long sequence) {
        return jdbc.queryForObject("SELECT " + column + " FROM " + ProjectionTables.FORENSIC_CHECKPOINT
                + " WHERE worker_id = ? AND sequence_number = ?", String.class, workerId, sequence);
    }

    static ProjectionJdbc projectionJdbc(JdbcTemplate jdbc) {
        var dataSource = jdbc.getDataSource();
        return new ProjectionJdbc(dataSource, new DataSourceTransactionManager(dataSource));
    }
}
