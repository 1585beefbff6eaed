package com.arbalert.bot.alerts;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * The {@code alert_fingerprints} table: which call first carried each distinct alert. The primary
 * key on the fingerprint makes "first" hold across restarts and between two instances.
 */
@Singleton
public final class AlertFingerprints {
    private final DataSource db;

    @Inject
    public AlertFingerprints(DataSource db) {
        this.db = requireNonNull(db, "db");
    }

    /**
     * Records {@code callId} as the first call with this fingerprint, unless one was recorded
     * within {@code window} before {@code now}.
     *
     * @return the earlier call's id when this one is a duplicate, else empty
     */
    public OptionalLong claim(byte[] fingerprint, long callId, Instant now, Duration window) throws SQLException {
        Timestamp at = Timestamp.from(now);
        Timestamp expired = Timestamp.from(now.minus(window));
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                // one statement, so two instances racing on the same call agree on who was first
                try (PreparedStatement st = c.prepareStatement("INSERT INTO alert_fingerprints"
                        + " (fingerprint, call_id, published_at) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE"
                        + " call_id = IF(published_at <= ?, VALUES(call_id), call_id),"
                        + " published_at = IF(published_at <= ?, VALUES(published_at), published_at)")) {
                    st.setBytes(1, fingerprint);
                    st.setLong(2, callId);
                    st.setTimestamp(3, at);
                    st.setTimestamp(4, expired);
                    st.setTimestamp(5, expired);
                    st.executeUpdate();
                }
                long first;
                try (PreparedStatement st = c.prepareStatement(
                        "SELECT call_id FROM alert_fingerprints WHERE fingerprint = ?")) {
                    st.setBytes(1, fingerprint);
                    try (ResultSet rs = st.executeQuery()) {
                        rs.next();
                        first = rs.getLong(1);
                    }
                }
                c.commit();
                return first == callId ? OptionalLong.empty() : OptionalLong.of(first);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Forgets fingerprints older than the window; they can no longer make a duplicate. */
    public int forgetBefore(Instant before) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement st = c.prepareStatement(
                        "DELETE FROM alert_fingerprints WHERE published_at < ? LIMIT 10000")) {
            st.setTimestamp(1, Timestamp.from(before));
            return st.executeUpdate();
        }
    }
}
