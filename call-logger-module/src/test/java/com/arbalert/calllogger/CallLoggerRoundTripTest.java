package com.arbalert.calllogger;

import static com.arbalert.calllogger.LoggerFixtures.arbitrage;
import static com.arbalert.calllogger.LoggerFixtures.count;
import static com.arbalert.calllogger.LoggerFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.arbalert.bot.spi.CallRecord;
import com.arbalert.bot.spi.CallType;
import com.arbalert.bot.spi.InvalidInputException;
import com.arbalert.bot.spi.OddsFormat;
import com.arbalert.bot.spi.Outcome;
import com.arbalert.bot.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallLoggerRoundTripTest {
    private static HikariDataSource ds;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dataDir;
    private CallLogger logger;
    private SimpleMeterRegistry meters;

    @BeforeAll
    static void schema() {
        TestDatabase.Schema schema = TestDatabase.newSchema("calllog_rt");
        ds = LoggerFixtures.dataSource(schema.jdbcUrl(), schema.user(), schema.password());
        LoggerFixtures.migrate(ds);
    }

    @AfterAll
    static void close() {
        ds.close();
    }

    @BeforeEach
    void start() throws Exception {
        meters = new SimpleMeterRegistry();
        logger = new CallLogger(ds, CLOCK, meters, dataDir, LoggerFixtures.TSIDS,
                new CallLoggerConfig().setFlushInterval(Duration.ofMillis(20)).setDeriveInterval(Duration.ofMillis(50)));
        logger.start();
    }

    @AfterEach
    void stop() throws Exception {
        logger.stop();
    }

    private void awaitWritten() {
        await().atMost(10, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(10))
                .until(() -> logger.health().written() == logger.health().accepted());
    }

    /** Facts about a call whose row an earlier batch wrote reach the row at the next fold. */
    private static void awaitDerived(org.awaitility.core.ThrowingRunnable assertion) {
        await().atMost(10, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(20)).untilAsserted(assertion);
    }

    @Test
    void aCallRoundTripsWithEveryColumnInUtc() throws Exception {
        CallRecord call = arbitrage("basketball").teamA("Paris Saint-Germain ⚽").roiPercent(2.34567).build();
        long id = logger.logCall(call);
        awaitWritten();

        assertThat(id).isPositive();
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT * FROM arbitrage_calls WHERE call_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("call_type")).isEqualTo("arbitrage");
                assertThat(rs.getString("sport")).isEqualTo("basketball");
                assertThat(rs.getString("team_a")).isEqualTo("Paris Saint-Germain ⚽");
                assertThat(rs.getString("team_b")).isEqualTo("Celtics");
                assertThat(rs.getObject("match_date", LocalDateTime.class)).isEqualTo(LocalDateTime.parse("2026-03-01T19:30"));
                assertThat(rs.getString("book_a")).isEqualTo("DraftKings");
                assertThat(rs.getString("book_b")).isEqualTo("FanDuel");
                assertThat(rs.getString("market")).isEqualTo("Moneyline");
                assertThat(rs.getString("odds_format")).isEqualTo("american");
                assertThat(rs.getBigDecimal("odds_a")).isEqualByComparingTo("-110");
                assertThat(rs.getBigDecimal("odds_b")).isEqualByComparingTo("120");
                assertThat(rs.getBigDecimal("roi_percent")).isEqualByComparingTo("2.3457");
                assertThat(rs.getBigDecimal("stake_a")).isEqualByComparingTo("110.00");
                assertThat(rs.getBigDecimal("stake_b")).isEqualByComparingTo("95.00");
                assertThat(rs.getBigDecimal("profit_expected")).isEqualByComparingTo("5.12");
                assertThat(rs.getObject("sent_at", LocalDateTime.class)).isEqualTo(LocalDateTime.parse("2026-03-01T12:00:00.123"));
                assertThat(rs.getInt("users_notified")).isEqualTo(40);
                assertThat(rs.getInt("users_clicked")).isZero();
                assertThat(rs.getString("outcome")).isNull();
                assertThat(rs.getBigDecimal("profit_actual")).isNull();
                assertThat(rs.getBigDecimal("clv_a")).isNull();
            }
        }
    }

    @Test
    void theRecordsOwnIdIsKeptAndAOneBookCallFitsToo() throws Exception {
        long id = logger.logCall(arbitrage("tennis").callId(777_001).build());
        long good = logger.logCall(CallRecord.builder().callType(CallType.GOOD_ODDS).sport("tennis").teamA("Nadal")
                .teamB("Federer").matchDate(Instant.parse("2026-05-01T10:00:00Z")).bookA("Pinnacle").market("Winner")
                .oddsFormat(OddsFormat.DECIMAL).oddsA("2.150").roiPercent(4).stakeA("100").profitExpected("15")
                .sentAt(Instant.parse("2026-04-30T10:00:00Z")).build());
        awaitWritten();
        assertThat(id).isEqualTo(777_001);
        assertThat(rows(ds, "SELECT book_b, odds_b, stake_b, odds_format FROM arbitrage_calls WHERE call_id = " + good))
                .singleElement().satisfies(r -> assertThat(r).containsExactly(null, null, null, "decimal"));
    }

    @Test
    void notifiedClicksResultsAndClosingOddsAreDerivedFromTheFactTables() throws Exception {
        long id = logger.logCall(arbitrage("soccer").build());
        logger.recordNotified(id, 37);
        logger.recordClick(id, 1, Instant.parse("2026-03-01T12:00:05Z"));
        logger.recordClick(id, 2, Instant.parse("2026-03-01T12:00:06Z"));
        logger.recordClick(id, 1, Instant.parse("2026-03-01T12:00:09Z")); // a second press changes nothing
        logger.recordResult(id, 1, Outcome.A_WON, new BigDecimal("5.00"), Instant.parse("2026-03-02T01:00:00Z"));
        logger.recordResult(id, 2, Outcome.B_WON, new BigDecimal("4.00"), Instant.parse("2026-03-02T02:00:00Z"));
        logger.recordResult(id, 3, Outcome.B_WON, new BigDecimal("-1.50"), Instant.parse("2026-03-02T03:00:00Z"));
        // user 3 corrects the answer: the last one counts, and the tie goes to the outcome reported first
        logger.recordResult(id, 3, Outcome.A_WON, new BigDecimal("6.00"), Instant.parse("2026-03-02T04:00:00Z"));
        logger.recordClosingOdds(id, new BigDecimal("-120"), new BigDecimal("+110"));
        awaitWritten();

        // closing odds are always folded in after the batch, within the derive interval
        awaitDerived(() -> {
            Object[] row = rows(ds, "SELECT users_notified, users_clicked, outcome, profit_actual, clv_a, clv_b"
                    + " FROM arbitrage_calls WHERE call_id = " + id).get(0);
            assertThat(row[0]).isEqualTo(37);
            assertThat(row[1]).isEqualTo(2);
            assertThat(row[2]).isEqualTo("a_won");
            assertThat((BigDecimal) row[3]).isEqualByComparingTo("15.00");
            // -110 is 1 + 100/110 and -120 is 1 + 100/120 in decimal odds; +120 is 2.2, +110 is 2.1
            double expectedA = (1 + 100.0 / 110) / (1 + 100.0 / 120) - 1;
            assertThat((BigDecimal) row[4]).isNotNull();
            assertThat(((BigDecimal) row[4]).doubleValue()).isCloseTo(expectedA, org.assertj.core.data.Offset.offset(1e-5));
            assertThat(((BigDecimal) row[5]).doubleValue()).isCloseTo(2.2 / 2.1 - 1, org.assertj.core.data.Offset.offset(1e-5));
        });
        assertThat(count(ds, "SELECT COUNT(*) FROM call_clicks WHERE call_id = " + id)).isEqualTo(2);
        assertThat(rows(ds, "SELECT clicked_at FROM call_clicks WHERE call_id = " + id + " AND user_id = 1").get(0)[0])
                .satisfies(t -> assertThat(((java.sql.Timestamp) t).toLocalDateTime()).isEqualTo("2026-03-01T12:00:05"));
        assertThat(rows(ds, "SELECT outcome, profit FROM call_results WHERE call_id = " + id + " AND user_id = 3").get(0))
                .containsExactly("a_won", new BigDecimal("6.00"));
    }

    @Test
    void aTieBetweenOutcomesGoesToTheOneReportedFirst() throws Exception {
        long id = logger.logCall(arbitrage("darts").build());
        logger.recordResult(id, 1, Outcome.B_WON, new BigDecimal("4.00"), Instant.parse("2026-03-02T01:00:00Z"));
        logger.recordResult(id, 2, Outcome.A_WON, new BigDecimal("5.00"), Instant.parse("2026-03-02T02:00:00Z"));
        awaitWritten();
        String sql = "SELECT outcome, profit_actual FROM arbitrage_calls WHERE call_id = " + id;
        assertThat(rows(ds, sql).get(0)).containsExactly("b_won", new BigDecimal("9.00"));
        logger.recordResult(id, 3, Outcome.A_WON, new BigDecimal("-1.00"), Instant.parse("2026-03-02T03:00:00Z"));
        awaitWritten();
        awaitDerived(() -> assertThat(rows(ds, sql).get(0)).containsExactly("a_won", new BigDecimal("8.00")));
    }

    @Test
    void writingTheSameBatchTwiceChangesNothing() throws Exception {
        long id = LoggerFixtures.TSIDS.next();
        List<CallEvent> batch = List.of(
                new CallEvent.Clicked(id, 9, Instant.parse("2026-03-01T12:00:01Z")), // before its call's row
                new CallEvent.Logged(id, arbitrage("hockey").build()),
                new CallEvent.Delivered(id, 12),
                new CallEvent.Clicked(id, 10, Instant.parse("2026-03-01T12:00:02Z")),
                new CallEvent.Reported(id, 9, Outcome.PUSH, new BigDecimal("0.00"), Instant.parse("2026-03-01T23:00:00Z"), true));
        try (BatchWriter writer = new BatchWriter(ds)) {
            writer.write(batch);
            String snapshot = "SELECT users_notified, users_clicked, outcome, profit_actual FROM arbitrage_calls WHERE call_id = " + id;
            Object[] first = rows(ds, snapshot).get(0);
            writer.write(batch);
            writer.write(batch.subList(3, 5));
            DerivationFold fold = new DerivationFold(ds);
            while (fold.foldOnce(1000) > 0) {
                // the rewrites marked the call pending: folding it from the tables gives the same row
            }
            assertThat(rows(ds, snapshot).get(0)).containsExactly(first);
            assertThat(first).containsExactly(12, 2, "push", new BigDecimal("0.00"));
            assertThat(count(ds, "SELECT COUNT(*) FROM call_clicks WHERE call_id = " + id)).isEqualTo(2);
            assertThat(count(ds, "SELECT COUNT(*) FROM call_results WHERE call_id = " + id)).isEqualTo(1);
        }
    }

    @Test
    void aProfitBeyondTenTimesTheStakesIsRefusedAtTheCall() throws Exception {
        long id = logger.logCall(arbitrage("golf").build()); // stakes 110 + 95
        assertThatThrownBy(() -> logger.recordResult(id, 5, Outcome.A_WON, new BigDecimal("2050.01")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("profit: must be within ±2050.00 (10 times the stakes), got 2050.01");
        logger.recordResult(id, 5, Outcome.A_WON, new BigDecimal("-2050.00"));
        awaitWritten();
        assertThat(count(ds, "SELECT COUNT(*) FROM call_results WHERE call_id = " + id)).isEqualTo(1);
    }

    @Test
    void aResultForACallNotInMemoryIsCheckedAgainstTheStoredStakes() throws Exception {
        long id = LoggerFixtures.TSIDS.next();
        LoggerFixtures.write(ds, List.of(new CallEvent.Logged(id, arbitrage("golf").build())));
        logger.recordResult(id, 5, Outcome.A_WON, new BigDecimal("3000.00"));
        logger.recordResult(id, 6, Outcome.B_WON, new BigDecimal("20.00"));
        awaitWritten();
        assertThat(logger.health().refused()).isEqualTo(1);
        assertThat(rows(ds, "SELECT user_id FROM call_results WHERE call_id = " + id)).singleElement()
                .satisfies(r -> assertThat(r[0]).isEqualTo(6L));
    }

    @Test
    void eachInvalidFieldGetsAClearMessageAndNothingIsQueued() {
        assertThatThrownBy(() -> logger.logCall(arbitrage("x").sport(null).build()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("sport: is required");
        assertThatThrownBy(() -> logger.logCall(arbitrage("x").roiPercent(Double.NaN).build()))
                .hasMessageContaining("roi_percent: must be a finite number");
        assertThatThrownBy(() -> logger.logCall(arbitrage("x").teamA("t".repeat(129)).build()))
                .hasMessageContaining("team_a: is 129 characters long, at most 128 allowed");
        assertThatThrownBy(() -> logger.logCall(arbitrage("x").sentAt(Instant.parse("+10000-01-01T00:00:00Z")).build()))
                .hasMessageContaining("sent_at: must be between 1970 and 9999");
        assertThatThrownBy(() -> logger.logCall(null)).hasMessage("call: is required");
        assertThatThrownBy(() -> logger.recordNotified(0, 3)).hasMessage("call_id: must be positive, got 0");
        assertThatThrownBy(() -> logger.recordNotified(5, -1)).hasMessage("delivered: must not be negative, got -1");
        assertThatThrownBy(() -> logger.recordClick(5, 0, Instant.now())).hasMessage("user_id: must be positive, got 0");
        assertThatThrownBy(() -> logger.recordClick(5, 1, null)).hasMessage("clicked_at: is required");
        assertThatThrownBy(() -> logger.recordResult(5, 1, null, BigDecimal.ONE)).hasMessageContaining("outcome: is required");
        assertThatThrownBy(() -> logger.recordResult(5, 1, Outcome.VOID, null)).hasMessage("profit: is required");
        assertThatThrownBy(() -> logger.recordResult(5, 1, Outcome.VOID, new BigDecimal("1.234")))
                .hasMessage("profit: has at most 2 decimals, got 1.234");
        assertThatThrownBy(() -> logger.recordResult(5, 1, Outcome.VOID, new BigDecimal("1e13")))
                .hasMessageContaining("profit: must be within ±999999999999.99");
        long id = logger.logCall(arbitrage("x").build());
        assertThatThrownBy(() -> logger.recordClosingOdds(id, new BigDecimal("1.95"), new BigDecimal("-110")))
                .hasMessageContaining("closing_a: American odds must be whole numbers");
        assertThatThrownBy(() -> logger.recordClosingOdds(id, new BigDecimal("-110"), null))
                .hasMessage("closing_b: is required for a call with two books");
        assertThatThrownBy(() -> logger.recordClosingOdds(42, new BigDecimal("0.5"), null))
                .hasMessage("closing_a: is neither American nor decimal odds: 0.5");
        assertThatThrownBy(() -> logger.cleanupOlderThan(Duration.ofDays(-1))).isInstanceOf(InvalidInputException.class);
        assertThat(logger.health().accepted()).isEqualTo(1);
    }

    @Test
    void healthAndMetersShowTheSameFigures() {
        long id = logger.logCall(arbitrage("rugby").build());
        logger.recordClick(id, 1, Instant.parse("2026-03-01T12:00:05Z"));
        awaitWritten();
        LoggerHealth h = logger.health();
        assertThat(h.accepted()).isEqualTo(2);
        assertThat(h.written()).isEqualTo(2);
        assertThat(h.queueDepth()).isZero();
        assertThat(h.dropped()).isZero();
        assertThat(logger.check().up()).isTrue();
        assertThat(meters.get("calllogger.events.accepted").functionCounter().count()).isEqualTo(2);
        assertThat(meters.get("calllogger.events.written").functionCounter().count()).isEqualTo(2);
        assertThat(meters.get("calllogger.queue.depth").gauge().value()).isZero();
    }

    @Test
    void cleanupDeletesOldCallsAndTheirFactsInChunks() throws Exception {
        CallLogger small = new CallLogger(ds, CLOCK, new SimpleMeterRegistry(), dataDir.resolve("small"), LoggerFixtures.TSIDS,
                new CallLoggerConfig().setFlushInterval(Duration.ofMillis(20)).setRetentionChunk(3));
        small.start();
        try {
            Instant old = Instant.parse("2020-01-01T00:00:00Z");
            long[] ids = new long[7];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = small.logCall(arbitrage("cleanup").sentAt(old.plusSeconds(i)).build());
                small.recordClick(ids[i], 1, old.plusSeconds(i + 1));
            }
            long recent = small.logCall(arbitrage("cleanup").sentAt(Instant.parse("2026-03-01T00:00:00Z")).build());
            small.recordClick(recent, 1, Instant.parse("2026-03-01T00:00:01Z"));
            await().atMost(10, TimeUnit.SECONDS).until(() -> small.health().written() == small.health().accepted());

            assertThat(small.cleanupOlderThan(Duration.ofDays(365)).get(10, TimeUnit.SECONDS)).isEqualTo(7);
            assertThat(rows(ds, "SELECT call_id FROM arbitrage_calls WHERE sport = 'cleanup'")).singleElement()
                    .satisfies(r -> assertThat(r[0]).isEqualTo(recent));
            assertThat(count(ds, "SELECT COUNT(*) FROM call_clicks WHERE call_id IN (" + ids[0] + "," + ids[6] + ")")).isZero();
            assertThat(count(ds, "SELECT COUNT(*) FROM call_clicks WHERE call_id = " + recent)).isEqualTo(1);
        } finally {
            small.stop();
        }
    }
}
