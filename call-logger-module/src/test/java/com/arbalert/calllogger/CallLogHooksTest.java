package com.arbalert.calllogger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.arbalert.bot.spi.Outcome;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input from the bot is refused by the logger, caught by the hooks, logged and counted; good input is queued. */
class CallLogHooksTest {
    @TempDir
    Path dataDir;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    // never connected: the logger is not started, so events only reach its queue
    private final HikariDataSource unused = LoggerFixtures.dataSource("jdbc:mariadb://127.0.0.1:9/none", "x", "");

    @AfterEach
    void close() {
        unused.close();
    }

    @Test
    void badInputNeverThrowsIntoTheBotAndIsCountedPerHook() {
        CallLogger logger = new CallLogger(unused, Clock.systemUTC(), meters, dataDir, LoggerFixtures.TSIDS,
                new CallLoggerConfig());
        CallLogHooks hooks = new CallLogHooks(logger, meters);
        Instant now = Instant.now();

        assertThatCode(() -> {
            hooks.broadcastPlanned(LoggerFixtures.arbitrage("nba").callId(42).sentAt(Instant.parse("+10000-01-01T00:00:00Z"))
                    .build(), 3);
            hooks.broadcastPlanned(null, 0);
            hooks.broadcastFinished(0, 3);
            hooks.broadcastFinished(42, -1);
            hooks.betClicked(-5, 7, now);
            hooks.betClicked(42, 0, now);
            hooks.resultReported(42, 7, null, BigDecimal.ONE, now);
        }).doesNotThrowAnyException();
        assertThat(refused("call_sent")).isEqualTo(2);
        assertThat(refused("call_delivered")).isEqualTo(2);
        assertThat(refused("bet_click")).isEqualTo(2);
        assertThat(refused("result")).isEqualTo(1);
        assertThat(logger.health().accepted()).isZero();

        hooks.broadcastPlanned(LoggerFixtures.arbitrage("nba").callId(42).build(), 3);
        hooks.broadcastFinished(42, 3);
        hooks.betClicked(42, 7, now);
        hooks.resultReported(42, 7, Outcome.A_WON, new BigDecimal("5.00"), now);
        assertThat(logger.health().accepted()).isEqualTo(4);
        assertThat(logger.queue().size()).isEqualTo(4);
    }

    private double refused(String hook) {
        return meters.get("calllogger.hook.refused").tag("hook", hook).counter().count();
    }
}
