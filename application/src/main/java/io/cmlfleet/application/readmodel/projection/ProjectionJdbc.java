package io.cmlfleet.application.readmodel.projection;

import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * JDBC access for projections. Every event handler writes inside a savepoint of the processor's transaction:
 * when a handler fails, its partial writes are rolled back to the savepoint and the exception reaches Axon's
 * dead-lettering invoker, which parks the event in the same, still healthy, transaction. Without the savepoint a
 * failed statement would abort the whole PostgreSQL transaction (and with it the dead letter and the token update),
 * and on any database a half-applied event would be committed next to its dead letter.
 */
public final class ProjectionJdbc {

    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate savepoint;

    public ProjectionJdbc(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.jdbcTemplate = new JdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
        this.savepoint = new TransactionTemplate(Objects.requireNonNull(transactionManager, "transactionManager"));
        // NESTED: a savepoint inside the processor's transaction; a transaction of its own when there is none.
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Runs the writes of one event all-or-nothing. A database refusal is rethrown with the database's own words
     * first (Spring's message starts with the whole statement), as that message becomes the dead letter's cause.
     */
    public void inSavepoint(Consumer<JdbcTemplate> writes) {
        try {
            savepoint.executeWithoutResult(status -> writes.accept(jdbcTemplate));
        } catch (DataAccessException refused) {
            throw new ProjectionWriteException(refused.getMostSpecificCause().getMessage(), refused);
        }
    }

    /** For reads, which need no savepoint. */
    public JdbcTemplate jdbc() {
        return jdbcTemplate;
    }
}
