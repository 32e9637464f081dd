package io.cmlfleet.bootstrap;

import java.util.Objects;
import javax.sql.DataSource;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Axon's JDBC saga store, with each saga's row locked ({@code SELECT ... FOR UPDATE}) for the transaction that loads
 * it. Axon locks a saga only within one JVM. With several nodes, a worker's deadline fires on whichever node's
 * scheduler picks it. Meanwhile the node that owns the saga processor's segment may be handling an event of the same
 * worker. Without this lock both would read the same deadline sequence, both would schedule a "current" next
 * deadline, and the worker would get two refresh chains for good. With it the second waits for the first to commit
 * and then sees the sequence the first one moved on, so its deadline is stale and is ignored.
 */
final class RowLockingSagaStore extends JdbcSagaStore {

    private final JdbcTemplate jdbc;
    private final String lockSql;

    RowLockingSagaStore(JdbcSagaStore.Builder builder, DataSource dataSource, SagaSchema schema) {
        super(builder);
        // The same (transaction-bound) connection as the store's: Spring's connection provider and this template
        // both take the connection of the current transaction.
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
        this.lockSql = "SELECT " + schema.sagaIdColumn() + " FROM " + schema.sagaEntryTable() + " WHERE "
                + schema.sagaIdColumn() + " = ? FOR UPDATE";
    }

    @Override
    public <S> Entry<S> loadSaga(Class<S> sagaType, String sagaIdentifier) {
        jdbc.query(lockSql, rs -> { }, sagaIdentifier);
        return super.loadSaga(sagaType, sagaIdentifier);
    }
}
