package com.arbalert.calllogger;

import static com.arbalert.calllogger.LoggerFixtures.arbitrage;
import static com.arbalert.calllogger.LoggerFixtures.count;
import static com.arbalert.calllogger.LoggerFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arbalert.bot.spi.Outcome;
import com.arbalert.bot.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Facts that reach a call after its row: marked in derived_pending with the batch, folded in later. */
class DerivationFoldTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
    private static final Instant T = Instant.parse("2026-03-02T01:00:00.250Z");
    private static final String DERIVED = "SELECT users_notified, users_clicked, outcome, profit_actual"
            + " FROM arbitrage_calls WHERE call_id = ";
    private static HikariDataSource ds;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void schema() {
        TestDatabase.Schema schema = TestDatabase.newSchema("calllog_fold");
        ds = LoggerFixtures.dataSource(schema.jdbcUrl(), schema.user(), schema.password());
        LoggerFixtures.migrate(ds);
    }

    @AfterAll
    static void close() {
        ds.close();
    }

    private CallLogger logger(Duration deriveInterval) throws Exception {
        CallLogger logger = new CallLogger(ds, CLOCK, new SimpleMeterRegistry(), dataDir, LoggerFixtures.TSIDS,
                new CallLoggerConfig().setFlushInterval(Duration.ofMillis(20)).setDeriveInterval(deriveInterval));
        logger.start();
        return logger;
    }

    private static void awaitWritten(CallLogger logger) {
        await().atMost(10, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(10))
                .until(() -> logger.health().written() == logger.health().accepted());
    }

    private static long pending(long id) throws Exception {
        return count(ds, "SELECT COUNT(*) FROM derived_pending WHERE call_id = " + id);
    }

    @Test
    void clicksAndAnswersForACallOfAnEarlierBatchAreFoldedInAfterTheInterval() throws Exception {
        CallLogger logger = logger(Duration.ofMillis(300));
        try {
            long id = logger.logCall(arbitrage("rugby").build());
            awaitWritten(logger);
            assertThat(rows(ds, DERIVED + id).get(0)).containsExactly(40, 0, null, null);
            logger.recordNotified(id, 38);
            logger.recordClick(id, 1, T);
            logger.recordClick(id, 2, T);
            logger.recordClick(id, 3, T);
            logger.recordResult(id, 1, Outcome.B_WON, new BigDecimal("3.00"), T);
            logger.recordResult(id, 2, Outcome.B_WON, new BigDecimal("2.50"), T.plusSeconds(1));
            awaitWritten(logger);
            await().atMost(10, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                    assertThat(rows(ds, DERIVED + id).get(0)).containsExactly(38, 3, "b_won", new BigDecimal("5.50")));
            assertThat(pending(id)).isZero();
            await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> {
                assertThat(logger.health().folded()).isPositive();
                assertThat(logger.health().derivePending()).isZero();
            });
        } finally {
            logger.stop();
        }
    }

    @Test
    void whatACrashLeftPendingIsFoldedWhenTheNextLoggerStarts() throws Exception {
        long id = LoggerFixtures.TSIDS.next();
        try (BatchWriter writer = new BatchWriter(ds)) {
            writer.write(List.of(new CallEvent.Logged(id, arbitrage("cricket").build())));
            writer.write(List.of(new CallEvent.Clicked(id, 7, T), new CallEvent.Clicked(id, 8, T),
                    new CallEvent.Reported(id, 7, Outcome.VOID, new BigDecimal("0.00"), T, false)));
        }
        // the process dies here: facts and the mark are committed, the row is not derived yet
        assertThat(rows(ds, DERIVED + id).get(0)).containsExactly(40, 0, null, null);
        assertThat(pending(id)).isEqualTo(1);

        CallLogger next = logger(Duration.ofHours(1)); // only the fold at start can do it
        try {
            await().atMost(10, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                    assertThat(rows(ds, DERIVED + id).get(0)).containsExactly(40, 2, "void", new BigDecimal("0.00")));
            assertThat(pending(id)).isZero();
        } finally {
            next.stop();
        }
    }

    @Test
    void stopFoldsWhatIsPending() throws Exception {
        CallLogger logger = logger(Duration.ofHours(1));
        long id = logger.logCall(arbitrage("snooker").build());
        awaitWritten(logger);
        logger.recordClick(id, 4, T);
        awaitWritten(logger);
        assertThat(pending(id)).isEqualTo(1);
        assertThat(logger.health().derivePending()).isEqualTo(1);
        logger.stop();
        assertThat(rows(ds, DERIVED + id).get(0)).containsExactly(40, 1, null, null);
        assertThat(pending(id)).isZero();
    }

    @Test
    void aClickWrittenBeforeItsCallsRowIsCountedOnceTheRowArrives() throws Exception {
        long id = LoggerFixtures.TSIDS.next();
        try (BatchWriter writer = new BatchWriter(ds)) {
            DerivationFold fold = new DerivationFold(ds);
            writer.write(List.of(new CallEvent.Clicked(id, 9, T)));
            assertThat(fold.foldOnce(1000)).as("a mark without its row is not taken").isZero();
            assertThat(pending(id)).isEqualTo(1);
            assertThat(fold.backlog()).isZero();
            writer.write(List.of(new CallEvent.Logged(id, arbitrage("polo").build()), new CallEvent.Clicked(id, 10, T)));
            // the batch alone knows one clicker; the waiting mark makes the fold count the stored click
            assertThat(rows(ds, DERIVED + id).get(0)).containsExactly(40, 1, null, null);
            assertThat(fold.backlog()).isEqualTo(1);
            while (fold.foldOnce(1000) > 0) {
                // drain every mark
            }
            assertThat(rows(ds, DERIVED + id).get(0)).containsExactly(40, 2, null, null);
            assertThat(pending(id)).isZero();
        }
    }

    @Test
    void anotherInstancesClickOnACallNotWrittenYetIsCountedWhenTheCallArrives() throws Exception {
        CallLogger other = logger(Duration.ofMillis(50));
        long id = LoggerFixtures.TSIDS.next();
        try {
            // this instance received the I BET press; the call's own instance has not written it yet
            other.recordClick(id, 21, T);
            other.recordResult(id, 21, Outcome.A_WON, new BigDecimal("4.00"), T.plusSeconds(60));
            awaitWritten(other);
            Thread.sleep(200); // several folds pass over the mark without its row
            assertThat(pending(id)).isEqualTo(1);
        } finally {
            other.stop();
        }
        CallLogger owner = logger(Duration.ofMillis(50));
        try {
            owner.logCall(arbitrage("lacrosse").callId(id).build());
            owner.recordClick(id, 22, T);
            awaitWritten(owner);
            await().atMost(10, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                    assertThat(rows(ds, DERIVED + id).get(0)).containsExactly(40, 2, "a_won", new BigDecimal("4.00")));
            assertThat(pending(id)).isZero();
        } finally {
            owner.stop();
        }
    }

    @Test
    void retentionDeletesMarksWhoseCallNeverCameAfterAWeek() throws Exception {
        long orphan = LoggerFixtures.TSIDS.next();
        long recent = LoggerFixtures.TSIDS.next();
        long withRow = LoggerFixtures.TSIDS.next();
        try (BatchWriter writer = new BatchWriter(ds)) {
            writer.write(List.of(new CallEvent.Logged(withRow, arbitrage("curling").build())));
            writer.write(List.of(new CallEvent.Clicked(orphan, 1, T), new CallEvent.Clicked(recent, 1, T),
                    new CallEvent.Clicked(withRow, 1, T)));
            try (java.sql.Connection c = ds.getConnection(); java.sql.Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE derived_pending SET marked_at = CURRENT_TIMESTAMP - INTERVAL 8 DAY"
                        + " WHERE call_id IN (" + orphan + ", " + withRow + ")");
            }
            CallRetention retention = new CallRetention(ds, CLOCK, new CallLoggerConfig());
            try {
                assertThat(retention.deleteOrphanMarks()).isEqualTo(1);
            } finally {
                retention.stop();
            }
            assertThat(pending(orphan)).isZero();
            assertThat(pending(recent)).as("its row may still come").isEqualTo(1);
            assertThat(pending(withRow)).as("an old mark with a row is the fold's").isEqualTo(1);
            assertThat(count(ds, "SELECT COUNT(*) FROM call_clicks WHERE call_id = " + orphan)).isEqualTo(1);
        }
    }

    /** Ties, corrections at the same instant, repeated clicks and a replaced delivery count. */
    private static List<CallEvent> events(long id) {
        return List.of(
                new CallEvent.Logged(id, arbitrage("handball").build()),
                new CallEvent.Delivered(id, 12),
                new CallEvent.Clicked(id, 1, T),
                new CallEvent.Clicked(id, 2, T),
                new CallEvent.Reported(id, 1, Outcome.A_WON, new BigDecimal("4.00"), T, true),
                new CallEvent.Clicked(id, 1, T.plusSeconds(3)),
                new CallEvent.Reported(id, 2, Outcome.B_WON, new BigDecimal("-1.25"), T, true),
                new CallEvent.Delivered(id, 15),
                new CallEvent.Reported(id, 3, Outcome.PUSH, new BigDecimal("0.10"), T.plusSeconds(5), true),
                // same instant: the later answer replaces, so b_won leads 2 to 1
                new CallEvent.Reported(id, 3, Outcome.B_WON, new BigDecimal("1.10"), T.plusSeconds(5), true),
                // an older answer arriving late does not replace the newer one
                new CallEvent.Reported(id, 2, Outcome.PUSH, new BigDecimal("9.00"), T.minusSeconds(60), true),
                new CallEvent.Clicked(id, 3, T.plusSeconds(9)));
    }

    @Test
    void inBatchDerivationFoldsAndReplaysAllLeaveTheSameRow() throws Exception {
        try (BatchWriter writer = new BatchWriter(ds)) {
            DerivationFold fold = new DerivationFold(ds);
            long whole = LoggerFixtures.TSIDS.next();
            writer.write(events(whole));
            Object[] expected = {15, 3, "b_won", new BigDecimal("3.85")};
            assertThat(rows(ds, DERIVED + whole).get(0)).containsExactly(expected);
            // the answers table holds each user's last answer too, corrections within the batch included
            assertThat(rows(ds, "SELECT user_id, outcome, profit FROM call_results WHERE call_id = " + whole
                    + " ORDER BY user_id")).containsExactly(new Object[] {1L, "a_won", new BigDecimal("4.00")},
                    new Object[] {2L, "b_won", new BigDecimal("-1.25")}, new Object[] {3L, "b_won", new BigDecimal("1.10")});
            assertThat(pending(whole)).isZero();

            // the same events cut after the call's row, every batch replayed twice as from the journal
            for (int cut : new int[] {1, 5, 9}) {
                long id = LoggerFixtures.TSIDS.next();
                List<CallEvent> events = events(id);
                writer.write(events.subList(0, cut));
                writer.write(events.subList(0, cut));
                writer.write(events.subList(cut, events.size()));
                writer.write(events.subList(cut, events.size()));
                assertThat(pending(id)).isEqualTo(1);
                while (fold.foldOnce(1000) > 0) {
                    // drain every mark
                }
                assertThat(rows(ds, DERIVED + id).get(0)).as("cut after %d events", cut).containsExactly(expected);
                assertThat(pending(id)).isZero();
            }
            // the whole batch again: the row is kept as it is and nothing is marked
            writer.write(events(whole));
            assertThat(pending(whole)).isZero();
            assertThat(rows(ds, DERIVED + whole).get(0)).containsExactly(expected);
        }
    }
}
