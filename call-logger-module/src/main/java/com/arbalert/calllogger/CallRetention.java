package com.arbalert.calllogger;

import static java.util.Objects.requireNonNull;

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
 * so no delete holds locks the writer waits for longer than a few tens of milliseconds.
 */
final class CallRetention {
    private static final Logger log = LoggerFactory.getLogger(CallRetention.class);
    private static final String[] FACT_TABLES = {"call_clicks", "call_results", "call_deliveries", "call_closing_odds"};

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
                    done.complete(delete(clock.instant().minus(age)));
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
        } catch (SQLException | RuntimeException e) {
            log.warn("Retention failed, will try again tomorrow: {}", e.getMessage());
        }
    }

    /** @return the number of calls deleted */
    long delete(Instant cutoff) throws SQLException {
        long total = 0;
        while (!Thread.currentThread().isInterrupted()) {
            int n = deleteChunk(cutoff);
            total += n;
            if (n < chunk) {
                return total;
            }
        }
        return total;
    }

    private int deleteChunk(Instant cutoff) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<Long> ids = new ArrayList<>(chunk);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT call_id FROM arbitrage_calls WHERE sent_at < ? ORDER BY sent_at LIMIT ?")) {
                ps.setObject(1, BatchWriter.utc(cutoff));
                ps.setInt(2, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                return 0;
            }
            String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
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
            return ids.size();
        }
    }
}
