package com.arbalert.calllogger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arbalert.bot.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A child JVM logging calls is killed with SIGKILL; what it accepted a second before is in the database. */
class CallLoggerCrashTest {
    @TempDir
    Path dataDir;

    @Test
    void everyCallAcceptedMoreThanASecondBeforeAKillIsInTheDatabaseAfterARestart() throws Exception {
        TestDatabase.Schema schema = TestDatabase.newSchema("calllog_crash");
        try (HikariDataSource ds = LoggerFixtures.dataSource(schema.jdbcUrl(), schema.user(), schema.password())) {
            LoggerFixtures.migrate(ds);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    CrashingLoggerMain.class.getName(), schema.jdbcUrl(), schema.user(), schema.password(),
                    dataDir.toString()).redirectErrorStream(true).start();
            Map<Long, Long> accepted = new ConcurrentHashMap<>();
            CountDownLatch ready = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.equals("READY")) {
                            ready.countDown();
                        } else if (line.startsWith("ACCEPTED ")) {
                            String[] parts = line.split(" ");
                            accepted.put(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
                        }
                    }
                } catch (java.io.IOException e) {
                    // the child is gone
                }
            });
            reader.start();
            try {
                assertThat(ready.await(60, TimeUnit.SECONDS)).as("child started").isTrue();
                await().atMost(30, TimeUnit.SECONDS).until(() -> accepted.size() >= 500);
                Thread.sleep(1_500);
            } finally {
                long killedAt = System.currentTimeMillis();
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no stop()
                child.waitFor(10, TimeUnit.SECONDS);
                reader.join(5_000);
                Set<Long> mustSurvive = accepted.entrySet().stream().filter(e -> e.getValue() < killedAt - 1_000)
                        .map(Map.Entry::getKey).collect(Collectors.toSet());
                assertThat(mustSurvive).hasSizeGreaterThan(200);

                CallLogger restarted = new CallLogger(ds, Clock.systemUTC(), new SimpleMeterRegistry(), dataDir,
                        LoggerFixtures.TSIDS, new CallLoggerConfig());
                restarted.start();
                await().atMost(30, TimeUnit.SECONDS).until(() -> !restarted.health().journaling());
                restarted.stop();
                Set<Long> stored = new HashSet<>();
                List<Object[]> rows = LoggerFixtures.rows(ds, "SELECT call_id FROM arbitrage_calls");
                rows.forEach(r -> stored.add((Long) r[0]));
                assertThat(stored).containsAll(mustSurvive);
            }
        }
    }
}
