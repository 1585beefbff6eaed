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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.flywaydb.core.Flyway;

/**
 * Rows per second into MariaDB on loopback, all in one run, for an event mix of 1 call : 5
 * clicks : 1 result: (a) the original's one autocommit INSERT per event, (b) raw JDBC bulk
 * batches of 1,000 rows doing nothing else, (b500) the same in batches of 500, (c) the call
 * logger from logCall to committed rows with its defaults (a flush at 500 events that takes what
 * else waits, up to 1,000), (c500) the logger held to batches of 500, and (c-spread) the logger
 * again where each call's clicks and result come about 2,000 events after the call, so its row is
 * in an earlier batch and they reach it through the fold. The logger's time runs until its stop()
 * has returned, which folds what is still pending: every derived column is in place. Each round
 * runs every variant once, starting one variant later than the round before.
 * Arguments: [events per run for b and c] [events per run for a] [runs] [extra JDBC URL options].
 */
public final class ThroughputBenchmark {
    private static final LocalDateTime AT = LocalDateTime.of(2026, 3, 1, 12, 0);
    private static final AtomicLong IDS = new AtomicLong(1_000_000);
    /** Calls between a call and its clicks in (c-spread): 286 calls of 7 events each are 2,002 events. */
    private static final int SPREAD_CALLS = 286;

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 70_000;
        int eventsA = args.length > 1 ? Integer.parseInt(args[1]) : 7_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String options = args.length > 3 ? args[3] : "";
        TestDatabase.Schema schema = TestDatabase.newSchema("bench_throughput");
        HikariConfig hc = new HikariConfig();
        String url = schema.jdbcUrl();
        hc.setJdbcUrl(options.isEmpty() ? url : url + (url.contains("?") ? "&" : "?") + options);
        hc.setUsername(schema.user());
        hc.setPassword(schema.password());
        hc.setMaximumPoolSize(4);
        try (HikariDataSource ds = new HikariDataSource(hc); AutoCloseable drop = () -> dropSchema(ds, schema)) {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration/calllogger")
                    .table("flyway_history_calllogger").load().migrate();
            System.out.println("JDBC URL options: " + (options.isEmpty() ? "(driver defaults)" : options));
            runLogger(ds, events / 5, 500, 1000, 0); // warm-up
            runLogger(ds, events / 5, 500, 500, SPREAD_CALLS);
            runBulk(ds, events / 5, 1000);
            Map<String, Variant> variants = new LinkedHashMap<>();
            variants.put("a", () -> runAutocommit(ds, eventsA));
            variants.put("b", () -> runBulk(ds, events, 1000));
            variants.put("b500", () -> runBulk(ds, events, 500));
            variants.put("c", () -> runLogger(ds, events, 500, 1000, 0));
            variants.put("c500", () -> runLogger(ds, events, 500, 500, 0));
            variants.put("c-spread", () -> runLogger(ds, events, 500, 1000, SPREAD_CALLS));
            List<String> names = new ArrayList<>(variants.keySet());
            Map<String, List<Double>> rates = new LinkedHashMap<>();
            names.forEach(n -> rates.put(n, new ArrayList<>()));
            for (int r = 0; r < runs; r++) {
                // each round starts one variant later, so none always follows the same one
                StringBuilder line = new StringBuilder("run " + (r + 1) + ":");
                for (int k = 0; k < names.size(); k++) {
                    String name = names.get((r + k) % names.size());
                    rates.get(name).add(variants.get(name).run());
                }
                for (String name : names) {
                    line.append(String.format(" %s=%.0f", name, rates.get(name).get(r)));
                }
                System.out.println(line.append(" rows/s"));
            }
            Map<String, Double> m = new LinkedHashMap<>();
            rates.forEach((name, v) -> m.put(name, median(v)));
            System.out.printf("median rows/s: (a) autocommit %.0f, (b) bulk 1000 %.0f, (b500) bulk 500 %.0f,"
                    + " (c) logger %.0f, (c500) logger with batches of at most 500 %.0f, (c-spread) %.0f%n", m.get("a"),
                    m.get("b"), m.get("b500"), m.get("c"), m.get("c500"), m.get("c-spread"));
            System.out.printf("ratios: c/b = %.2f, c/a = %.1f, c500/b500 = %.2f, c500/b = %.2f, c-spread/b = %.2f,"
                    + " c-spread/a = %.1f%n", m.get("c") / m.get("b"), m.get("c") / m.get("a"),
                    m.get("c500") / m.get("b500"), m.get("c500") / m.get("b"), m.get("c-spread") / m.get("b"),
                    m.get("c-spread") / m.get("a"));
            System.out.printf("medians of each round's ratios: c/b = %.2f, c/a = %.1f, c500/b500 = %.2f,"
                    + " c-spread/b = %.2f, c-spread/a = %.1f%n", medianRatio(rates, "c", "b"),
                    medianRatio(rates, "c", "a"), medianRatio(rates, "c500", "b500"),
                    medianRatio(rates, "c-spread", "b"), medianRatio(rates, "c-spread", "a"));
        }
    }

    private interface Variant {
        double run() throws Exception;
    }

    /** The benchmarks' data is large; it is not left on the shared server. */
    static void dropSchema(HikariDataSource ds, TestDatabase.Schema schema) throws SQLException {
        try (Connection c = ds.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("DROP DATABASE `" + schema.name() + "`");
        }
    }

    private static double medianRatio(Map<String, List<Double>> rates, String top, String bottom) {
        List<Double> ratios = new ArrayList<>();
        for (int r = 0; r < rates.get(top).size(); r++) {
            ratios.add(rates.get(top).get(r) / rates.get(bottom).get(r));
        }
        return median(ratios);
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

    /** (b) the ceiling: plain INSERT batches of {@code size} rows per table, one commit per batch. */
    private static double runBulk(HikariDataSource ds, int events, int size) throws SQLException {
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
                if (++inBatch == size || i == events - 1) {
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
     * of the direct path, from the first logCall to the last committed row and derived column.
     * With {@code lagCalls} above 0, each call's clicks and result follow that many calls later
     * (the first calls come alone, the last facts come alone): same events, same mix.
     */
    private static double runLogger(HikariDataSource ds, int events, int batchSize, int batchMax, int lagCalls)
            throws Exception {
        Path dataDir = Files.createTempDirectory("bench-logger");
        CallIds ids = IDS::incrementAndGet;
        CallLoggerConfig config = new CallLoggerConfig().setBatchSize(batchSize).setBatchMax(batchMax);
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
        int calls = events / 7;
        long[] callIds = new long[calls];
        long start = System.nanoTime();
        int sent = 0;
        for (int g = 0; g < calls + lagCalls; g++) {
            if (g < calls) {
                callIds[g] = logger.logCall(call);
                sent++;
            }
            if (g >= lagCalls) {
                long id = callIds[g - lagCalls];
                for (int user = 1; user <= 5; user++) {
                    logger.recordClick(id, user, at);
                }
                logger.recordResult(id, 1, Outcome.A_WON, profit, at);
                sent += 6;
            }
            if ((g & 31) == 0) {
                while (logger.health().queueDepth() > highWater) {
                    LockSupport.parkNanos(100_000);
                }
            }
        }
        while (logger.health().written() < sent) {
            LockSupport.parkNanos(200_000);
        }
        boolean journaled = logger.health().journaled() > 0;
        logger.stop(); // folds what is pending
        double rate = sent / ((System.nanoTime() - start) / 1e9);
        if (journaled) {
            System.out.println("note: the logger used its journal in this run");
        }
        try (Connection c = ds.getConnection(); java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM arbitrage_calls WHERE call_id BETWEEN "
                        + callIds[0] + " AND " + callIds[calls - 1] + " AND (users_clicked <> 5 OR outcome IS NULL)")) {
            rs.next();
            if (rs.getLong(1) != 0) {
                throw new IllegalStateException(rs.getLong(1) + " calls were left underived");
            }
        }
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
