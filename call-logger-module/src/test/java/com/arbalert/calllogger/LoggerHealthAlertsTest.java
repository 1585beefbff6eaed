package com.arbalert.calllogger;

import static org.assertj.core.api.Assertions.assertThat;

import com.arbalert.bot.config.DataSize;
import com.arbalert.bot.logging.LogMasking;
import com.arbalert.bot.spi.AdminNotifier;
import com.arbalert.bot.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** One message per degradation and one per recovery, at most one per condition per repeat time. */
class LoggerHealthAlertsTest {
    private static final long BUDGET = 100L << 20;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T12:00:00Z"));
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final AdminNotifier notifier = sent::add;
    private LoggerHealth health = health(Duration.ZERO, 0, 0);
    private final LoggerHealthAlerts alerts = new LoggerHealthAlerts(() -> health, Optional.of(notifier), clock,
            new CallLoggerConfig().setJournalBudget(DataSize.ofBytes(BUDGET)));

    static LoggerHealth health(Duration waiting, long dropped, long journalBytes) {
        return new LoggerHealth(0, 10, 10, 0, 0, dropped, 0, 0, journalBytes > 0, journalBytes,
                "SQLTransientConnectionException: connection refused", waiting, 0, 0, waiting);
    }

    private void at(Duration later, LoggerHealth h) {
        clock.advance(later);
        health = h;
        alerts.check();
    }

    @Test
    void theDatabaseIsReportedAfterTwoMinutesAndItsRecoveryOnce() {
        at(Duration.ZERO, health(Duration.ofSeconds(30), 0, 0));
        at(Duration.ofSeconds(60), health(Duration.ofSeconds(90), 0, 0));
        assertThat(sent).isEmpty();
        at(Duration.ofSeconds(30), health(Duration.ofSeconds(120), 0, 0));
        assertThat(sent).singleElement().asString().startsWith("⚠️ Call logger: events have waited 2m")
                .contains("connection refused");
        at(Duration.ofSeconds(5), health(Duration.ofSeconds(125), 0, 0));
        at(Duration.ofMinutes(10), health(Duration.ofMinutes(11), 0, 0));
        assertThat(sent).hasSize(1);
        at(Duration.ofSeconds(5), health(Duration.ZERO, 0, 0));
        assertThat(sent).hasSize(2).last().asString().isEqualTo("✅ Call logger: the database takes events again.");
        at(Duration.ofSeconds(5), health(Duration.ZERO, 0, 0));
        assertThat(sent).hasSize(2);
    }

    @Test
    void aSecretInTheDatabaseErrorIsMaskedInTheMessage() {
        LogMasking.addSecret("hunter2-db-password");
        health = new LoggerHealth(0, 1, 0, 0, 0, 0, 3, 0, false, 0, "SQLException: login with hunter2-db-password refused",
                Duration.ofMinutes(5), 0, 0, Duration.ofMinutes(5));
        alerts.check();
        assertThat(sent).singleElement().asString().contains("login with ****").doesNotContain("hunter2");
    }

    @Test
    void aConditionThatFlapsIsToldAtMostOncePerTenMinutesAndItsLastStateIsToldAfter() {
        at(Duration.ZERO, health(Duration.ofMinutes(3), 0, 0));
        at(Duration.ofSeconds(5), health(Duration.ZERO, 0, 0));
        at(Duration.ofSeconds(5), health(Duration.ofMinutes(3), 0, 0));
        at(Duration.ofSeconds(5), health(Duration.ZERO, 0, 0));
        assertThat(sent).hasSize(1);
        at(Duration.ofMinutes(10), health(Duration.ZERO, 0, 0));
        assertThat(sent).hasSize(2).last().asString().contains("takes events again");
    }

    @Test
    void droppedEventsAreToldAndTheirEndAfterTwoQuietMinutes() {
        at(Duration.ZERO, health(Duration.ZERO, 0, 0));
        at(Duration.ofSeconds(5), health(Duration.ZERO, 17, 0));
        assertThat(sent).singleElement().asString().startsWith("⚠️ Call logger: 17 event(s) dropped");
        at(Duration.ofSeconds(60), health(Duration.ZERO, 20, 0));
        at(Duration.ofSeconds(119), health(Duration.ZERO, 20, 0));
        assertThat(sent).hasSize(1);
        at(Duration.ofMinutes(9), health(Duration.ZERO, 20, 0));
        assertThat(sent).hasSize(2).last().asString().isEqualTo("✅ Call logger: no event dropped for 2m.");
    }

    @Test
    void aJournalAboveHalfItsBudgetIsToldWithItsSize() {
        at(Duration.ZERO, health(Duration.ofSeconds(10), 0, BUDGET / 2));
        assertThat(sent).isEmpty();
        at(Duration.ofSeconds(5), health(Duration.ofSeconds(15), 0, BUDGET / 2 + 1));
        assertThat(sent).singleElement().asString()
                .isEqualTo("⚠️ Call logger: the journal holds 50 MB, more than half its budget of 100 MB. Is the database away?");
        at(Duration.ofMinutes(11), health(Duration.ZERO, 0, 0));
        assertThat(sent).hasSize(2).contains("✅ Call logger: the journal is back under half its budget (0 MB of 100 MB).");
    }

    @Test
    void theCheckRunsOnItsOwnOnceStarted() throws Exception {
        LoggerHealthAlerts timed = new LoggerHealthAlerts(() -> health(Duration.ofHours(1), 0, 0), Optional.of(notifier),
                clock, new CallLoggerConfig().setHealthCheckInterval(Duration.ofMillis(20)));
        timed.start();
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 1);
        } finally {
            timed.stop();
        }
        assertThat(sent).singleElement().asString().contains("waited 60m");
    }
}
