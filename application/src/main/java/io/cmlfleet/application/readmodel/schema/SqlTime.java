package io.cmlfleet.application.readmodel.schema;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants to and from {@code TIMESTAMP WITH TIME ZONE}. {@link OffsetDateTime} is the one java.time type both the
 * H2 and the PostgreSQL drivers bind and read without a session time zone getting in the way.
 *
 * <p>Both databases store microseconds; Java instants carry nanoseconds. Every instant is truncated to microseconds
 * here, the one way into SQL, so a value compared in a {@code WHERE} is exactly the value written: two times that
 * differ by less than a microsecond are one key, not an update that misses and an insert that collides.
 */
public final class SqlTime {

    private SqlTime() {
    }

    public static OffsetDateTime toSql(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    public static Instant fromSql(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
