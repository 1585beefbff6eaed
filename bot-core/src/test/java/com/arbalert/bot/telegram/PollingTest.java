package com.arbalert.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arbalert.bot.spi.Health;
import com.arbalert.bot.sandbox.FakeTelegramServer;
import com.arbalert.bot.testing.TelegramBotHarness;
import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Long polling survives failing handlers, reports when it stops, and leaves no thread behind. */
class PollingTest {

    /** Fails on "boom", as a buggy plugin would. */
    public static final class ExplodingTextHandler implements TextReplyHandler {
        @Override
        public boolean handle(IncomingText text) {
            if (text.text().equals("boom")) {
                throw new IllegalStateException("handler bug");
            }
            return false;
        }
    }

    /** Claims "x:" presses and fails on them. */
    public static final class ExplodingCallbackHandler implements CallbackHandler {
        @Override
        public String prefix() {
            return "x:";
        }

        @Override
        public void handle(IncomingCallback callback) {
            throw new IllegalStateException("handler bug");
        }
    }

    private static TelegramBotHarness start() {
        return TelegramBotHarness.builder().schemaPrefix("polling")
                .config(c -> c.setPollStallAfter(Duration.ofSeconds(2)))
                .module(new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(ExplodingTextHandler.class);
                        bind(ExplodingCallbackHandler.class);
                        Multibinder.newSetBinder(binder(), TextReplyHandler.class).addBinding()
                                .to(ExplodingTextHandler.class);
                        Multibinder.newSetBinder(binder(), CallbackHandler.class).addBinding()
                                .to(ExplodingCallbackHandler.class);
                    }
                }).start();
    }

    @Test
    void aFailingHandlerLosesOnlyItsUpdateAndPollingGoesOn() {
        try (TelegramBotHarness bot = start()) {
            FakeTelegramServer fake = bot.fake();
            PollingHealth health = bot.get(PollingHealth.class);
            fake.userSends(700, "boom", "en");
            String pressed = fake.userPresses(701, 1, "x:1");
            fake.userSends(700, "/help", "en");
            await().atMost(Duration.ofSeconds(10)).until(() -> fake.messagesTo(700).size() == 1);
            assertThat(fake.messagesTo(700).get(0).text()).startsWith("This bot sends");
            // even a press whose handler failed is answered, so the button stops spinning
            await().atMost(Duration.ofSeconds(5)).until(() -> fake.answerTo(pressed).isPresent());
            assertThat(bot.meters().counter("telegram.updates.failed").count()).isEqualTo(2);
            assertThat(health.check().up()).isTrue();
            assertThat(health.name()).isEqualTo("telegram");

            fake.userSends(700, "/help", "en");
            await().atMost(Duration.ofSeconds(10)).until(() -> fake.messagesTo(700).size() == 2);
            assertThat(health.check().up()).isTrue();
        }
    }

    @Test
    void healthIsDownWhenGetUpdatesCallsStopAndWhenPollingStopped() {
        try (TelegramBotHarness bot = start()) {
            FakeTelegramServer fake = bot.fake();
            PollingHealth health = bot.get(PollingHealth.class);
            assertThat(health.check().up()).isTrue();
            fake.holdUpdates(true);
            Health down = await().atMost(Duration.ofSeconds(10)).until(health::check, h -> !h.up());
            assertThat(down.details().get("reason").toString()).contains("no getUpdates call");
            fake.holdUpdates(false);
            await().atMost(Duration.ofSeconds(20)).until(() -> health.check().up());

            bot.stopServices();
            Health stopped = health.check();
            assertThat(stopped.up()).isFalse();
            assertThat(stopped.details()).containsEntry("polling", false);
        }
    }

    @Test
    void stoppingLeavesNoNonDaemonThreads() {
        Set<Thread> before = nonDaemonThreads();
        try (TelegramBotHarness bot = start()) {
            FakeTelegramServer fake = bot.fake();
            fake.userSends(710, "/start", "en");
            await().atMost(Duration.ofSeconds(10)).until(() -> fake.messagesTo(710).size() == 1);
            assertThat(nonDaemonThreads()).as("the library's threads run while the bot runs")
                    .anyMatch(t -> t.getName().startsWith("OkHttp") || t.getName().startsWith("telegram"));
            bot.stopServices();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    nonDaemonThreads().stream().filter(t -> !before.contains(t))
                            .filter(t -> !t.getName().startsWith("HTTP-Dispatcher")) // the fake's own server
                            .filter(t -> !t.getName().startsWith("awaitility"))
                            .map(Thread::getName).collect(Collectors.toList())).isEmpty());
        }
    }

    private static Set<Thread> nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !t.isDaemon())
                .collect(Collectors.toSet());
    }
}
