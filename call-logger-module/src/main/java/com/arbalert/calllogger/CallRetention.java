package com.arbalert.calllogger;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.db.UtcTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes old calls and their facts on its own thread, a chunk of calls per short transaction,
 * so no delete holds locks the writer waits for longer than a few tens of milliseconds. It also
 * deletes the fold marks whose call never got a row (facts about a call that was refused or
 * already deleted) once they are {@link #ORPHAN_MARK_DAYS} days old.
 */
final class CallRetention {
    private static final Logger log = LoggerFactory.getLogger(CallRetention.class);
    private static final String[] FACT_TABLES = {"call_clicks", "call_results", "call_deliveries", "call_closing_odds"};
    /** Long enough for any journal to be replayed: an instance writing to its journal for a week has bigger problems. */
    static final int ORPHAN_MARK_DAYS = 7;
    private static final String ORPHAN_MARKS = "SELECT p.call_id FROM derived_pending p"
            + " LEFT JOIN arbitrage_calls c ON c.call_id = p.call_id"
            + " WHERE c.call_id IS NULL AND p.marked_at < CURRENT_TIMESTAMP - INTERVAL " + ORPHAN_MARK_DAYS + " DAY"
            + " LIMIT ?";

    private final DataSource dataSource;
    private final Clock clock;
    private final int retentionDays;
    private final int chunk;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "call-logger-retention");
        t.setDaemon(true);
        return t;
    });

    CallRetention(DataSource dataSource, Clock clock, CallLoggerConfig config) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
        this.clock = requireNonNull(clock, "clock");
        this.retentionDays = config.getRetentionDays();
        this.chunk = config.getRetentionChunk();
    }

    void start() {
        executor.scheduleAtFixedRate(this::dailyCleanup, 1, TimeUnit.DAYS.toMinutes(1), TimeUnit.MINUTES);
    }

    void stop() {
        executor.shutdownNow();
    }

    CompletableFuture<Long> deleteOlderThan(Duration age) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    long calls = delete(clock.instant().minus(age));
                    deleteOrphanMarks();
                    done.complete(calls);
                } catch (SQLException | RuntimeException e) {
                    done.completeExceptionally(e);
                }
            });
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    private void dailyCleanup() {
        try {
            long n = delete(clock.instant().minus(Duration.ofDays(retentionDays)));
            if (n > 0) {
                log.info("Retention deleted {} call(s) older than {} days", n, retentionDays);
            }
            long marks = deleteOrphanMarks();
            if (marks > 0) {
                log.info("Retention deleted {} fold mark(s) whose call has had no row for {} days", marks,
                        ORPHAN_MARK_DAYS);
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("Retention failed, will try again tomorrow: {}", e.getMessage());
        }
    }

    /** @return the number of calls deleted */
    long delete(Instant cutoff) throws SQLException {
        return inChunks(c -> {
            List<Long> ids = takeIds(c, "SELECT call_id FROM arbitrage_calls WHERE sent_at < ? ORDER BY sent_at LIMIT ?",
                    UtcTime.of(cutoff));
            if (ids.isEmpty()) {
                return new Chunk(0, 0);
            }
            String in = inList(ids);
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (String table : FACT_TABLES) {
                    st.executeUpdate("DELETE FROM " + table + " WHERE call_id IN (" + in + ")");
                }
                st.executeUpdate("DELETE FROM arbitrage_calls WHERE call_id IN (" + in + ")");
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            return new Chunk(ids.size(), ids.size());
        });
    }

    /** @return the number of fold marks deleted because their call has no row and they are old */
    long deleteOrphanMarks() throws SQLException {
        return inChunks(c -> {
            List<Long> ids = takeIds(c, ORPHAN_MARKS);
            if (ids.isEmpty()) {
                return new Chunk(0, 0);
            }
            try (Statement st = c.createStatement()) {
                // a row that arrived since the SELECT keeps its mark
                return new Chunk(ids.size(), st.executeUpdate("DELETE FROM derived_pending WHERE call_id IN ("
                        + inList(ids) + ") AND NOT EXISTS"
                        + " (SELECT 1 FROM arbitrage_calls c WHERE c.call_id = derived_pending.call_id)"));
            }
        });
    }

    /** One chunk's work: how many ids it took (fewer than a chunk ends the run) and how many rows went. */
    private record Chunk(int taken, int deleted) {
    }

    private interface ChunkStep {
        Chunk run(Connection c) throws SQLException;
    }

    /** Runs {@code step} on a fresh connection until a chunk comes back short; returns the rows deleted. */
    private long inChunks(ChunkStep step) throws SQLException {
        long total = 0;
        while (!Thread.currentThread().isInterrupted()) {
            Chunk done;
            try (Connection c = dataSource.getConnection()) {
                done = step.run(c);
            }
            total += done.deleted();
            if (done.taken() < chunk) {
                return total;
            }
        }
        return total;
    }

    /** The ids {@code sql} selects, its parameters bound in order and the chunk size last (its LIMIT). */
    private List<Long> takeIds(Connection c, String sql, Object... params) throws SQLException {
        List<Long> ids = new ArrayList<>(chunk);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.setInt(params.length + 1, chunk);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static String inList(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
