package com.arbalert.calllogger;

import static com.arbalert.calllogger.LoggerFixtures.arbitrage;
import static com.arbalert.calllogger.LoggerFixtures.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arbalert.bot.spi.CallRecord;
import com.arbalert.bot.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bursts beyond the queue, and a journal left by a previous run. */
class CallLoggerBacklogTest {
    private static HikariDataSource ds;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void schema() {
        TestDatabase.Schema schema = TestDatabase.newSchema("calllog_backlog");
        ds = LoggerFixtures.dataSource(schema.jdbcUrl(), schema.user(), schema.password());
        LoggerFixtures.migrate(ds);
    }

    @AfterAll
    static void close() {
        ds.close();
    }

    @Test
    void aBurstOf200000EventsIntoAQueueOf1000LosesNothing() throws Exception {
        CallLogger logger = new CallLogger(ds, Clock.systemUTC(), new SimpleMeterRegistry(), dataDir,
                LoggerFixtures.TSIDS, new CallLoggerConfig().setQueueCapacity(1000));
        logger.start();
        CallRecord call = arbitrage("burst").build();
        int calls = 20_000;
        int clicksPerCall = 9;
        Thread[] producers = new Thread[2];
        for (int p = 0; p < producers.length; p++) {
            int half = p;
            producers[p] = new Thread(() -> {
                Instant at = Instant.parse("2026-03-01T12:00:00Z");
                for (int i = half; i < calls; i += 2) {
                    long id = logger.logCall(call);
                    for (int u = 1; u <= clicksPerCall; u++) {
                        logger.recordClick(id, u, at);
                    }
                }
            });
            producers[p].start();
        }
        for (Thread t : producers) {
            t.join();
        }
        assertThat(logger.health().accepted()).isEqualTo(200_000);
        await().atMost(120, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(100))
                .until(() -> logger.health().written() == 200_000);
        logger.stop();

        LoggerHealth h = logger.health();
        assertThat(h.dropped()).isZero();
        assertThat(h.journaled()).as("the overflow went through the journal").isPositive();
        assertThat(count(ds, "SELECT COUNT(*) FROM arbitrage_calls WHERE sport = 'burst'")).isEqualTo(calls);
        assertThat(count(ds, "SELECT COUNT(*) FROM call_clicks k JOIN arbitrage_calls c ON c.call_id = k.call_id"
                + " WHERE c.sport = 'burst'")).isEqualTo((long) calls * clicksPerCall);
        assertThat(count(ds, "SELECT SUM(users_clicked) FROM arbitrage_calls WHERE sport = 'burst'"))
                .isEqualTo((long) calls * clicksPerCall);
    }

    @Test
    void whatCannotReachTheDatabaseByTheStopDeadlineIsJournaledAndReplayedByTheNextRun() throws Exception {
        CallLoggerConfig config = new CallLoggerConfig().setFlushInterval(Duration.ofMillis(20))
                .setStopDeadline(Duration.ofMillis(500));
        List<Long> ids = new ArrayList<>();
        // nothing listens on port 1: every write fails at once
        try (HikariDataSource nowhere = LoggerFixtures.dataSource("jdbc:mariadb://127.0.0.1:1/none", "root", "")) {
            CallLogger first = new CallLogger(nowhere, Clock.systemUTC(), new SimpleMeterRegistry(), dataDir,
                    LoggerFixtures.TSIDS, config);
            first.start();
            for (int i = 0; i < 50; i++) {
                long id = first.logCall(arbitrage("stopped").build());
                first.recordClick(id, 1, Instant.parse("2026-03-01T12:00:00Z"));
                ids.add(id);
            }
            long t0 = System.nanoTime();
            first.stop();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
            assertThat(first.health().journaled()).isEqualTo(100);
            assertThat(first.health().written()).isZero();
        }

        CallLogger second = new CallLogger(ds, Clock.systemUTC(), new SimpleMeterRegistry(), dataDir,
                LoggerFixtures.TSIDS, config);
        second.start();
        await().atMost(10, TimeUnit.SECONDS).until(() -> second.health().replayed() == 100);
        second.stop();
        assertThat(count(ds, "SELECT COUNT(*) FROM arbitrage_calls WHERE sport = 'stopped'")).isEqualTo(50);
        assertThat(count(ds, "SELECT SUM(users_clicked) FROM arbitrage_calls WHERE sport = 'stopped'")).isEqualTo(50);
    }

    @Test
    void aJournalLeftByAPreviousRunIsReplayedFirstEvenWithATornLastRecord() throws Exception {
        Path journalDir = dataDir.resolve("journal");
        Journal previous = new Journal(journalDir, 1 << 20, 1 << 20);
        previous.open();
        List<Long> ids = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            List<CallEvent> batch = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long id = LoggerFixtures.TSIDS.next();
                ids.add(id);
                batch.add(new CallEvent.Logged(id, arbitrage("journal").build()));
                batch.add(new CallEvent.Clicked(id, 1, Instant.parse("2026-03-01T12:00:00Z")));
            }
            previous.append(List.of(batch));
        }
        previous.close();
        Path segment;
        try (Stream<Path> files = Files.list(journalDir)) {
            segment = files.findFirst().orElseThrow();
        }
        try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
            f.setLength(f.length() - 7); // the crash cut the last record short
        }

        CallLogger logger = new CallLogger(ds, Clock.systemUTC(), new SimpleMeterRegistry(), dataDir,
                LoggerFixtures.TSIDS, new CallLoggerConfig().setFlushInterval(Duration.ofMillis(20)));
        logger.start();
        // a click of this run for a call of the previous run lands after the replayed rows
        logger.recordClick(ids.get(0), 2, Instant.parse("2026-03-01T12:01:00Z"));
        await().atMost(10, TimeUnit.SECONDS).until(() -> logger.health().written() == 21);
        logger.stop();

        assertThat(logger.health().replayed()).isEqualTo(20);
        assertThat(count(ds, "SELECT COUNT(*) FROM arbitrage_calls WHERE sport = 'journal'")).isEqualTo(10);
        assertThat(count(ds, "SELECT users_clicked FROM arbitrage_calls WHERE call_id = " + ids.get(0))).isEqualTo(2);
        assertThat(count(ds, "SELECT COUNT(*) FROM arbitrage_calls WHERE call_id = " + ids.get(14))).isZero();
        try (Stream<Path> files = Files.list(journalDir)) {
            assertThat(files).as("a replayed journal is deleted").isEmpty();
        }
    }
}
