package com.arbalert.calllogger.bench;

import com.arbalert.bot.testing.TestDatabase;
import com.arbalert.calllogger.CallAnalytics;
import com.arbalert.calllogger.CallLogger;
import com.arbalert.calllogger.CallLoggerConfig;
import com.arbalert.calllogger.StatsArguments;
import com.arbalert.calllogger.StatsReporter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.time.Clock;
import java.time.ZoneOffset;
import com.arbalert.calllogger.StatsPeriod;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import org.flywaydb.core.Flyway;

/**
 * The /stats summary, the four analysis queries and the whole /stats report on 1,000,000 calls
 * and 5,000,000 clicks. Loads the data with
 * INSERT ... SELECT from MariaDB's sequence tables, then times each query (a year, and a
 * year for one sport) and prints the median of several runs. Arguments: [calls] [runs].
 */
public final class AnalyticsBenchmark {
    private AnalyticsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        TestDatabase.Schema schema = TestDatabase.newSchema("bench_analytics");
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(schema.jdbcUrl());
        hc.setUsername(schema.user());
        hc.setPassword(schema.password());
        try (HikariDataSource ds = new HikariDataSource(hc);
                AutoCloseable drop = () -> ThroughputBenchmark.dropSchema(ds, schema)) {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration/calllogger")
                    .table("flyway_history_calllogger").load().migrate();
            load(ds, calls);
            CallAnalytics analytics = new CallAnalytics(ds);
            StatsPeriod year = StatsPeriod.of(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"));
            StatsPeriod soccer = new StatsPeriod(year.from(), year.to(), "soccer");
            for (StatsPeriod p : List.of(year, soccer)) {
                String label = p.sport() == null ? "all sports" : "sport=" + p.sport();
                time("summary (/stats), " + label, runs, () -> (int) analytics.summary(p).calls());
                time("conversion by sport, " + label, runs, () -> analytics.conversionBySport(p).size());
                time("best bookmaker pairs, " + label, runs, () -> analytics.bestBookPairs(p, 1, 10).size());
                time("calls by hour, " + label, runs, () -> analytics.callsByHour(p).size());
                time("ROI buckets vs conversion, " + label, runs, () -> analytics.conversionByRoi(p).size());
            }
            // the whole /stats report: the summary, the four analyses and the logger's health
            CallLogger logger = new CallLogger(ds, Clock.systemUTC(), new SimpleMeterRegistry(),
                    Files.createTempDirectory("bench-logger"), () -> 1L, new CallLoggerConfig());
            StatsReporter reporter = new StatsReporter(analytics, logger,
                    Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
            reporter.start();
            for (StatsArguments a : List.of(StatsArguments.of("30d", null), StatsArguments.of("30d", "soccer"),
                    StatsArguments.of("52w", null), StatsArguments.of("52w", "soccer"))) {
                time("/stats report " + a.period() + (a.sport() == null ? "" : " " + a.sport()), runs,
                        () -> (int) reporter.report(a).summary().calls());
            }
            reporter.stop();
        }
    }

    private static void time(String name, int runs, Callable<Integer> query) throws Exception {
        List<Double> ms = new ArrayList<>();
        int rows = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            rows = query.call();
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf("%-45s median %7.1f ms  (min %7.1f, max %7.1f, %d rows)%n", name, ms.get(ms.size() / 2),
                ms.get(0), ms.get(ms.size() - 1), rows);
    }

    /** Calls spread over 2025 in 6 sports and 12 bookmaker pairs; call n has (n % 9) + 1 clicks, 5 on average. */
    private static void load(HikariDataSource ds, int calls) throws SQLException {
        long t0 = System.nanoTime();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO arbitrage_calls (call_id, call_type, sport, team_a, team_b, match_date, book_a,"
                    + " book_b, market, odds_format, odds_a, odds_b, roi_percent, stake_a, stake_b, profit_expected,"
                    + " sent_at, users_notified, users_clicked, profit_actual, clv_a)"
                    + " SELECT seq, ELT(1 + seq % 3, 'arbitrage', 'middle', 'good_odds'),"
                    + " ELT(1 + seq % 6, 'soccer', 'basketball', 'tennis', 'hockey', 'baseball', 'football'),"
                    + " CONCAT('Team ', seq % 500), CONCAT('Team ', (seq + 7) % 500),"
                    + " TIMESTAMP('2025-01-01') + INTERVAL (seq * 31) SECOND + INTERVAL 1 DAY,"
                    + " ELT(1 + seq % 4, 'DraftKings', 'FanDuel', 'Pinnacle', 'Bet365'),"
                    + " ELT(1 + (seq DIV 4) % 3, 'Caesars', 'BetMGM', 'Unibet'), 'Moneyline', 'american',"
                    + " -110, 120, (seq % 700) / 100, 110, 95, 5.12,"
                    + " TIMESTAMP('2025-01-01') + INTERVAL (seq * 31) SECOND,"
                    + " 20 + seq % 30, 1 + seq % 9, IF(seq % 3 = 0, CAST(seq % 200 AS SIGNED) - 100, NULL),"
                    + " IF(seq % 4 = 0, (CAST(seq % 100 AS SIGNED) - 50) / 10000, NULL) FROM seq_1_to_" + calls);
            long t1 = System.nanoTime();
            st.execute("INSERT INTO call_clicks (call_id, user_id, clicked_at)"
                    + " SELECT c.seq, u.seq, TIMESTAMP('2025-01-01') + INTERVAL (c.seq * 31 + u.seq) SECOND"
                    + " FROM seq_1_to_" + calls + " c JOIN seq_1_to_9 u ON u.seq <= 1 + c.seq % 9");
            long t2 = System.nanoTime();
            st.execute("ANALYZE TABLE arbitrage_calls, call_clicks");
            System.out.printf("loaded %d calls in %.1f s and %d clicks in %.1f s%n", calls, (t1 - t0) / 1e9,
                    count(st, "SELECT COUNT(*) FROM call_clicks"), (t2 - t1) / 1e9);
        }
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
