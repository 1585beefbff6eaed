package com.arbalert.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arbalert.bot.alerts.AlertPublisher;
import com.arbalert.bot.subscribers.SubscriberRepository;
import com.arbalert.bot.testing.FakeTelegramServer;
import com.arbalert.bot.testing.TelegramBotHarness;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A broadcast at Telegram's real limit: 90 subscribers through a fake enforcing 30 messages/s over
 * sliding one-second windows. The sender must use at least 93% of the limit and never exceed it.
 */
class BroadcastRateTest {
    static final int SUBSCRIBERS = 90;

    @Test
    void aBroadcastRunsAtLeastAt93PercentOfTheLimitWithoutA429() throws Exception {
        try (TelegramBotHarness bot = TelegramBotHarness.builder().schemaPrefix("rate").fakeLimits(30, 1).start()) {
            SubscriberRepository subscribers = bot.get(SubscriberRepository.class);
            for (long u = 1; u <= SUBSCRIBERS; u++) {
                subscribers.subscribe(10_000 + u, 10_000 + u, null, Locale.ENGLISH);
            }
            FakeTelegramServer fake = bot.fake();
            bot.get(AlertPublisher.class).publish(RateLimitedSenderTest.call("Rate"));
            await().atMost(Duration.ofSeconds(15)).until(() -> fake.deliveries().size() == SUBSCRIBERS);

            List<FakeTelegramServer.Delivery> d = fake.deliveries();
            double seconds = (d.get(d.size() - 1).arrivalNanos() - d.get(0).arrivalNanos()) / 1e9;
            double rate = (d.size() - 1) / seconds;
            System.out.printf("broadcast of %d at limit 30/s: %.2f messages/s, 429s: %d%n", d.size(), rate,
                    fake.tooManyRequests());
            assertThat(fake.tooManyRequests()).as(fake.summary()).isZero();
            assertThat(rate).isGreaterThanOrEqualTo(30 * 0.93);
            assertThat(maxInAnySecond(d)).isLessThanOrEqualTo(30);
        }
    }

    static int maxInAnySecond(List<FakeTelegramServer.Delivery> d) {
        int max = 0;
        int start = 0;
        for (int end = 0; end < d.size(); end++) {
            while (d.get(end).arrivalNanos() - d.get(start).arrivalNanos() >= TimeUnit.SECONDS.toNanos(1)) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }
}
