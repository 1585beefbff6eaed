package com.arbalert.bot.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * DATETIME columns hold UTC. Instants go through LocalDateTime at UTC so that the JVM's time
 * zone (which java.sql.Timestamp would apply) never shifts a stored time between hosts.
 */
public final class UtcTime {
    private UtcTime() {
    }

    public static void set(PreparedStatement st, int index, Instant at) throws SQLException {
        st.setObject(index, at == null ? null : of(at));
    }

    /**
     * The UTC wall-clock time of {@code at}. Unlike LocalDateTime.ofInstant, it does not look up
     * the offset's ZoneRules, which JDK 17 builds anew on every call (a tenth of the call logger's
     * writer time went there).
     */
    public static LocalDateTime of(Instant at) {
        return LocalDateTime.ofEpochSecond(at.getEpochSecond(), at.getNano(), ZoneOffset.UTC);
    }

    public static Instant get(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
