package com.arbalert.bot.telegram;

import com.arbalert.bot.alerts.AlertPublisher;
import com.arbalert.bot.testing.FakeTelegramServer;
import com.arbalert.bot.testing.TelegramBotHarness;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Broadcasts one call to N subscribers through the fake Bot API enforcing Telegram's limit, and
 * prints the sustained rate. With a scale factor, the fake's limit and the sender's rate are both
 * multiplied (30 x 20 = 600/s), so 10,000 messages take seconds instead of 5.5 minutes; the
 * margins are times, so the test is as strict as at 30/s.
 *
 * <pre>
 * mvn -B -q -pl bot-core test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.arbalert.bot.telegram.BroadcastBenchmark -Dexec.args="10000 20"
 * </pre>
 */
public final class BroadcastBenchmark {

    private BroadcastBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int scale = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int limit = 30 * scale;
        try (TelegramBotHarness bot = TelegramBotHarness.builder().schemaPrefix("bench").fakeLimits(limit, 1)
                .config(c -> c.setGlobalRate(limit)).start()) {
            insertSubscribers(bot, subscribers);
            FakeTelegramServer fake = bot.fake();
            long started = System.nanoTime();
            int recipients = bot.get(AlertPublisher.class).publish(RateLimitedSenderTest.call("Benchmark")).recipients();
            long queued = System.nanoTime();
            while (fake.deliveries().size() < recipients) {
                Thread.sleep(50);
                if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(15)) {
                    throw new IllegalStateException("gave up after 15 minutes: " + fake.summary());
                }
            }
            List<FakeTelegramServer.Delivery> d = fake.deliveries();
            double span = (d.get(d.size() - 1).arrivalNanos() - d.get(0).arrivalNanos()) / 1e9;
            double rate = (d.size() - 1) / span;
            System.out.printf("subscribers=%d limit=%d/s (30/s x %d) publish returned in %.1f ms%n", recipients, limit,
                    scale, (queued - started) / 1e6);
            System.out.printf("delivered=%d in %.2f s: %.1f messages/s = %.1f%% of the limit"
                    + " (%.2f/s at scale 1); busiest second: %d; 429s: %d%n", d.size(), span, rate,
                    100 * rate / limit, rate / scale, BroadcastRateTest.maxInAnySecond(d), fake.tooManyRequests());
        }
    }

    private static void insertSubscribers(TelegramBotHarness bot, int n) throws Exception {
        try (Connection c = bot.dataSource().getConnection(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO subscribers (user_id, chat_id, username, language, subscribed_at, active, updated_at)"
                        + " VALUES (?, ?, NULL, 'en', ?, TRUE, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 1; i <= n; i++) {
                st.setLong(1, 1_000_000L + i);
                st.setLong(2, 1_000_000L + i);
                st.setTimestamp(3, now);
                st.setTimestamp(4, now);
                st.addBatch();
                if (i % 1000 == 0) {
                    st.executeBatch();
                }
            }
            st.executeBatch();
        }
    }
}
