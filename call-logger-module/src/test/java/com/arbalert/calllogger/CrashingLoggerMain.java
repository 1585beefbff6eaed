package com.arbalert.calllogger;

import com.arbalert.bot.spi.CallRecord;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * Run in a child JVM by {@link CallLoggerCrashTest}: logs calls with a click each until it is
 * killed, printing {@code ACCEPTED <call id> <epoch millis>} once each call is accepted.
 * Arguments: jdbc url, user, password, data dir.
 */
public final class CrashingLoggerMain {
    private CrashingLoggerMain() {
    }

    public static void main(String[] args) throws Exception {
        HikariDataSource ds = LoggerFixtures.dataSource(args[0], args[1], args[2]);
        CallLogger logger = new CallLogger(ds, Clock.systemUTC(), new SimpleMeterRegistry(), Path.of(args[3]),
                LoggerFixtures.TSIDS, new CallLoggerConfig());
        logger.start();
        CallRecord call = LoggerFixtures.arbitrage("crash").build();
        System.out.println("READY");
        while (true) {
            long id = logger.logCall(call);
            logger.recordClick(id, 1, Instant.now());
            System.out.println("ACCEPTED " + id + " " + System.currentTimeMillis());
            Thread.sleep(2);
        }
    }
}
