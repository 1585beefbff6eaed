package com.arbalert.calllogger.bench;

import com.arbalert.bot.spi.CallIds;
import com.arbalert.bot.spi.CallRecord;
import com.arbalert.bot.spi.CallType;
import com.arbalert.bot.spi.OddsFormat;
import com.arbalert.bot.spi.Outcome;
import com.arbalert.bot.testing.TestDatabase;
import com.arbalert.calllogger.CallLogger;
import com.arbalert.calllogger.CallLoggerConfig;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.flywaydb.core.Flyway;

/**
 * Rows per second into MariaDB on loopback, all in one run, for an event mix of 1 call : 5
 * clicks : 1 result: (a) the original's one autocommit INSERT per event, (b) raw JDBC bulk
 * batches of 1,000 rows doing nothing else, (c) the call logger from logCall to committed rows,
 * with its default batches of 500 and (c1000) with batches of 1,000 like (b).
 * Arguments: [events per run for b and c] [events per run for a] [runs].
 */
public final class ThroughputBenchmark {
    private static final LocalDateTime AT = LocalDateTime.of(2026, 3, 1, 12, 0);
    private static final AtomicLong IDS = new AtomicLong(1_000_000);

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 70_000;
        int eventsA = args.length > 1 ? Integer.parseInt(args[1]) : 7_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        TestDatabase.Schema schema = TestDatabase.newSchema("bench_throughput");
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(schema.jdbcUrl());
        hc.setUsername(schema.user());
        hc.setPassword(schema.password());
        hc.setMaximumPoolSize(4);
        try (HikariDataSource ds = new HikariDataSource(hc); AutoCloseable drop = () -> dropSchema(ds, schema)) {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration/calllogger")
                    .table("flyway_history_calllogger").load().migrate();
            List<Double> a = new ArrayList<>();
            List<Double> b = new ArrayList<>();
            List<Double> c = new ArrayList<>();
            List<Double> c1000 = new ArrayList<>();
            runLogger(ds, events / 5, 500); // warm-up
            runBulk(ds, events / 5);
            for (int r = 0; r < runs; r++) {
                a.add(runAutocommit(ds, eventsA));
                b.add(runBulk(ds, events));
                c.add(runLogger(ds, events, 500));
                c1000.add(runLogger(ds, events, 1000));
                System.out.printf("run %d: a=%.0f b=%.0f c=%.0f c1000=%.0f rows/s%n", r + 1, a.get(r), b.get(r), c.get(r),
                        c1000.get(r));
            }
            double ma = median(a);
            double mb = median(b);
            double mc = median(c);
            double mc1000 = median(c1000);
            System.out.printf("median rows/s: (a) autocommit %.0f, (b) bulk %.0f, (c) logger %.0f,"
                    + " (c1000) logger with batches of 1000 %.0f%n", ma, mb, mc, mc1000);
            System.out.printf("ratios: c/b = %.2f, c/a = %.1f, c1000/b = %.2f, c1000/a = %.1f%n", mc / mb, mc / ma,
                    mc1000 / mb, mc1000 / ma);
        }
    }

    /** The benchmarks' data is large; it is not left on the shared server. */
    static void dropSchema(HikariDataSource ds, TestDatabase.Schema schema) throws SQLException {
        try (Connection c = ds.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("DROP DATABASE `" + schema.name() + "`");
        }
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    /** (a) one autocommit INSERT per event, as the original did. */
    private static double runAutocommit(HikariDataSource ds, int events) throws SQLException {
        long start = System.nanoTime();
        try (Connection c = ds.getConnection();
                PreparedStatement call = c.prepareStatement(INSERT_CALL);
                PreparedStatement click = c.prepareStatement(INSERT_CLICK);
                PreparedStatement result = c.prepareStatement(INSERT_RESULT)) {
            long id = 0;
            for (int i = 0; i < events; i++) {
                int kind = i % 7;
                if (kind == 0) {
                    id = IDS.incrementAndGet();
                    bindCall(call, id);
                    call.executeUpdate();
                } else if (kind <= 5) {
                    bindClick(click, id, kind);
                    click.executeUpdate();
                } else {
                    bindResult(result, id);
                    result.executeUpdate();
                }
            }
        }
        return events / ((System.nanoTime() - start) / 1e9);
    }

    /** (b) the ceiling: plain INSERT batches of 1,000 rows per table, one commit per batch. */
    private static double runBulk(HikariDataSource ds, int events) throws SQLException {
        long start = System.nanoTime();
        try (Connection c = ds.getConnection();
                PreparedStatement call = c.prepareStatement(INSERT_CALL);
                PreparedStatement click = c.prepareStatement(INSERT_CLICK);
                PreparedStatement result = c.prepareStatement(INSERT_RESULT)) {
            c.setAutoCommit(false);
            long id = 0;
            int inBatch = 0;
            for (int i = 0; i < events; i++) {
                int kind = i % 7;
                if (kind == 0) {
                    id = IDS.incrementAndGet();
                    bindCall(call, id);
                    call.addBatch();
                } else if (kind <= 5) {
                    bindClick(click, id, kind);
                    click.addBatch();
                } else {
                    bindResult(result, id);
                    result.addBatch();
                }
                if (++inBatch == 1000 || i == events - 1) {
                    call.executeBatch();
                    click.executeBatch();
                    result.executeBatch();
                    c.commit();
                    inBatch = 0;
                }
            }
            c.setAutoCommit(true);
        }
        return events / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * (c) the logger with its defaults, fed by one producer thread as fast as it drains: the
     * producer pauses while the queue is over half full, so this measures the sustained rate
     * of the direct path, from the first logCall to the last committed row.
     */
    private static double runLogger(HikariDataSource ds, int events, int batchSize) throws Exception {
        Path dataDir = Files.createTempDirectory("bench-logger");
        CallIds ids = IDS::incrementAndGet;
        CallLoggerConfig config = new CallLoggerConfig().setBatchSize(batchSize);
        CallLogger logger = new CallLogger(ds, Clock.systemUTC(), new SimpleMeterRegistry(), dataDir, ids, config);
        logger.start();
        CallRecord call = CallRecord.builder().callType(CallType.ARBITRAGE).sport("basketball").teamA("Lakers")
                .teamB("Celtics").matchDate(Instant.parse("2026-03-01T19:30:00Z")).bookA("DraftKings").bookB("FanDuel")
                .market("Moneyline").oddsFormat(OddsFormat.AMERICAN).oddsA("-110").oddsB("+120").roiPercent(2.5)
                .stakeA("110.00").stakeB("95.00").profitExpected("5.12").sentAt(Instant.parse("2026-03-01T12:00:00Z"))
                .usersNotified(40).build();
        Instant at = Instant.parse("2026-03-01T12:00:05Z");
        BigDecimal profit = new BigDecimal("5.12");
        int highWater = config.getQueueCapacity() / 2;
        long start = System.nanoTime();
        long id = 0;
        for (int i = 0; i < events; i++) {
            int kind = i % 7;
            if (kind == 0) {
                id = logger.logCall(call);
            } else if (kind <= 5) {
                logger.recordClick(id, kind, at);
            } else {
                logger.recordResult(id, 1, Outcome.A_WON, profit, at);
            }
            if ((i & 255) == 0) {
                while (logger.health().queueDepth() > highWater) {
                    LockSupport.parkNanos(100_000);
                }
            }
        }
        while (logger.health().written() < events) {
            LockSupport.parkNanos(200_000);
        }
        double rate = events / ((System.nanoTime() - start) / 1e9);
        if (logger.health().journaled() > 0) {
            System.out.println("note: the logger used its journal in this run");
        }
        logger.stop();
        return rate;
    }

    private static final String INSERT_CALL = "INSERT INTO arbitrage_calls (call_id, call_type, sport, team_a, team_b,"
            + " match_date, book_a, book_b, market, odds_format, odds_a, odds_b, roi_percent, stake_a, stake_b,"
            + " profit_expected, sent_at, users_notified) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final String INSERT_CLICK = "INSERT INTO call_clicks (call_id, user_id, clicked_at) VALUES (?, ?, ?)";
    private static final String INSERT_RESULT = "INSERT INTO call_results (call_id, user_id, outcome, profit, reported_at)"
            + " VALUES (?, ?, ?, ?, ?)";

    private static void bindCall(PreparedStatement ps, long id) throws SQLException {
        ps.setLong(1, id);
        ps.setString(2, "arbitrage");
        ps.setString(3, "basketball");
        ps.setString(4, "Lakers");
        ps.setString(5, "Celtics");
        ps.setObject(6, AT.plusHours(7));
        ps.setString(7, "DraftKings");
        ps.setString(8, "FanDuel");
        ps.setString(9, "Moneyline");
        ps.setString(10, "american");
        ps.setBigDecimal(11, new BigDecimal("-110"));
        ps.setBigDecimal(12, new BigDecimal("120"));
        ps.setBigDecimal(13, new BigDecimal("2.5"));
        ps.setBigDecimal(14, new BigDecimal("110.00"));
        ps.setBigDecimal(15, new BigDecimal("95.00"));
        ps.setBigDecimal(16, new BigDecimal("5.12"));
        ps.setObject(17, AT);
        ps.setInt(18, 40);
    }

    private static void bindClick(PreparedStatement ps, long id, int user) throws SQLException {
        ps.setLong(1, id);
        ps.setLong(2, user);
        ps.setObject(3, AT.plusSeconds(5));
    }

    private static void bindResult(PreparedStatement ps, long id) throws SQLException {
        ps.setLong(1, id);
        ps.setLong(2, 1);
        ps.setString(3, "a_won");
        ps.setBigDecimal(4, new BigDecimal("5.12"));
        ps.setObject(5, AT.plusHours(12));
    }

    private ThroughputBenchmark() {
    }

}
