package com.arbalert.calllogger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.arbalert.bot.config.Config;
import com.arbalert.bot.config.DataSize;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class CallLoggerConfigTest {

    @Test
    void defaults() {
        CallLoggerConfig c = new CallLoggerConfig();
        assertThat(c.getQueueCapacity()).isEqualTo(8192);
        assertThat(c.getBatchSize()).isEqualTo(500);
        assertThat(c.getBatchMax()).isEqualTo(1000);
        assertThat(c.setBatchSize(2000).getBatchMax()).as("never below the batch size").isEqualTo(2000);
        c.setBatchSize(500);
        assertThat(c.getFlushInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(c.getStopDeadline()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.getJournalBudget()).isEqualTo(DataSize.parse("1GiB"));
        assertThat(c.getJournalSegment()).isEqualTo(DataSize.parse("64MiB"));
        assertThat(c.getOutageBeforeJournal()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.getRetryBackoffMin()).isEqualTo(Duration.ofMillis(50));
        assertThat(c.getRetryBackoffMax()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.getRetentionDays()).isEqualTo(365);
        assertThat(c.getRetentionChunk()).isEqualTo(1000);
        assertThat(c.getRecentCalls()).isEqualTo(65536);
        assertThat(c.getDeriveInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.getAlertOutage()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.getAlertRepeat()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.getHealthCheckInterval()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void everyTunableHasItsKey() {
        assertThat(Arrays.stream(CallLoggerConfig.class.getMethods()).map(m -> m.getAnnotation(Config.class))
                .filter(Objects::nonNull).map(Config::value)).containsExactlyInAnyOrder(
                "CALL_LOGGER_QUEUE_CAPACITY", "CALL_LOGGER_BATCH_SIZE", "CALL_LOGGER_BATCH_MAX", "CALL_LOGGER_FLUSH_INTERVAL",
                "CALL_LOGGER_STOP_DEADLINE", "CALL_LOGGER_JOURNAL_BUDGET", "CALL_LOGGER_JOURNAL_SEGMENT",
                "CALL_LOGGER_OUTAGE_BEFORE_JOURNAL", "CALL_LOGGER_RETRY_BACKOFF_MIN", "CALL_LOGGER_RETRY_BACKOFF_MAX",
                "RETENTION_DAYS", "CALL_LOGGER_RETENTION_CHUNK", "CALL_LOGGER_RECENT_CALLS",
                "CALL_LOGGER_DERIVE_INTERVAL",
                "CALL_LOGGER_ALERT_OUTAGE", "CALL_LOGGER_ALERT_REPEAT", "CALL_LOGGER_HEALTH_CHECK_INTERVAL");
        for (Method m : CallLoggerConfig.class.getMethods()) {
            if (m.isAnnotationPresent(Config.class)) {
                assertThat(m.getName()).startsWith("set");
            }
        }
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        CallLoggerConfig c = new CallLoggerConfig();
        assertThatThrownBy(() -> c.setQueueCapacity(0)).hasMessage("CALL_LOGGER_QUEUE_CAPACITY must be at least 16, got 0");
        assertThatThrownBy(() -> c.setBatchSize(0)).hasMessage("CALL_LOGGER_BATCH_SIZE must be at least 1, got 0");
        assertThatThrownBy(() -> c.setBatchMax(0)).hasMessage("CALL_LOGGER_BATCH_MAX must be at least 1, got 0");
        assertThatThrownBy(() -> c.setFlushInterval(Duration.ZERO)).hasMessageStartingWith("CALL_LOGGER_FLUSH_INTERVAL");
        assertThatThrownBy(() -> c.setJournalBudget(DataSize.ofBytes(10)))
                .hasMessage("CALL_LOGGER_JOURNAL_BUDGET must be at least 1MiB, got 10B");
        assertThatThrownBy(() -> c.setJournalSegment(DataSize.parse("1KiB")))
                .hasMessage("CALL_LOGGER_JOURNAL_SEGMENT must be at least 4KiB, got 1KiB");
        assertThatThrownBy(() -> c.setDeriveInterval(Duration.ZERO)).hasMessageStartingWith("CALL_LOGGER_DERIVE_INTERVAL");
        assertThatThrownBy(() -> c.setRetentionDays(0)).hasMessageStartingWith("RETENTION_DAYS");
        assertThatThrownBy(() -> c.setAlertOutage(Duration.ZERO)).hasMessageStartingWith("CALL_LOGGER_ALERT_OUTAGE");
        assertThatThrownBy(() -> c.setAlertRepeat(null)).hasMessageStartingWith("CALL_LOGGER_ALERT_REPEAT");
    }
}
