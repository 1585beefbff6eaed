package com.arbalert.bot.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arbalert.bot.alerts.AlertPublisher;
import com.arbalert.bot.bet.BetButtonModule;
import com.arbalert.bot.spi.BetClickHook;
import com.arbalert.bot.spi.DataDir;
import com.arbalert.bot.spi.ResultHook;
import com.arbalert.bot.sandbox.FakeTelegramServer;
import com.arbalert.bot.sandbox.FakeTelegramServer.BotMessage;
import com.arbalert.bot.testing.MutableClock;
import com.arbalert.bot.testing.TelegramBotHarness;
import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.name.Names;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole bot's Telegram side with the I BET and questionnaire modules installed: the real
 * client, long polling, router, command dispatcher and rate-limited sender against the fake Bot
 * API. A user subscribes, gets an alert, presses I BET, and reports the result.
 */
class QuestionnaireThroughTheBotTest {
    private static final long USER = 5150;
    static final List<String> events = new CopyOnWriteArrayList<>();

    @TempDir
    Path dataDir;
    private TelegramBotHarness bot;
    private final MutableClock clock = new MutableClock(FlowsFixture.START);

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
    }

    @Test
    void subscribePressIBetAndReportTheResult() throws Exception {
        bot = startBot();
        FakeTelegramServer telegram = bot.fake();
        events.clear();

        telegram.userSends(USER, "/start", "en");
        await().until(() -> telegram.lastMessageTo(USER).isPresent());
        bot.get(AlertPublisher.class).publish(FlowsFixture.arbitrage(0).teamA("<Lakers & Co>").bookA("Book \"A\" & <B>").build());
        BotMessage alert = awaitMessage(telegram, m -> m.buttons().size() == 1 && m.html().contains("&lt;Lakers &amp; Co&gt;"));

        String press = telegram.userPresses(USER, alert.messageId(), alert.buttons().get(0).callbackData());
        await().until(() -> telegram.answerTo(press).isPresent());
        assertThat(telegram.answerTo(press).orElseThrow().text()).isEqualTo("Counted — good luck!");
        String forged = telegram.userPresses(USER, alert.messageId(), "b:1:AAAAAAAAAAAAAAAA");
        await().until(() -> telegram.answerTo(forged).isPresent());
        assertThat(telegram.answerTo(forged).orElseThrow().text()).isEqualTo("This button is not valid.");

        clock.advance(Duration.ofHours(4));
        assertThat(bot.get(QuestionnaireScheduler.class).checkNow().opened()).isEqualTo(1);
        BotMessage question = awaitMessage(telegram, m -> m.text().startsWith("📋 How did <Lakers & Co> vs Celtics go?"));
        assertThat(question.text()).contains("• Book \"A\" & <B> at -110, stake 100.00", "• DraftKings at +105, stake 95.00");
        assertThat(question.buttons()).extracting(FakeTelegramServer.Button::text).containsExactly("<Lakers & Co> won",
                "Celtics won", "Push", "Void (cancelled)", "Not played yet", "I didn't bet");
        String outcome = telegram.userPresses(USER, question.messageId(), question.buttons().get(1).callbackData());
        awaitMessage(telegram, BotMessage::forceReply);
        assertThat(telegram.answerTo(outcome).orElseThrow().text()).isEqualTo("Noted.");

        telegram.userSends(USER, "12,345,678", "en");
        awaitMessage(telegram, m -> m.text().startsWith("I could not read \"12,345,678\" as an amount"));
        telegram.userSends(USER, "-1950.01", "en");
        awaitMessage(telegram, m -> m.text().contains("between -1,950.00 and 1,950.00"));
        telegram.userSends(USER, "-95 $", "en");
        BotMessage done = awaitMessage(telegram, m -> m.text().startsWith("✅"));
        assertThat(done.text()).isEqualTo("✅ Thanks! Recorded for <Lakers & Co> vs Celtics: Celtics won, profit -95.00.");
        await().until(() -> events.contains("b_won -95.00"));
        assertThat(events).containsExactly("click " + USER, "b_won -95.00");

        // the commands reach the flow through the real dispatcher
        telegram.userSends(USER, "/skip", "en");
        awaitMessage(telegram, m -> m.text().equals("No result question is open."));
        assertThat(telegram.rejections()).isEmpty();
    }

    @Test
    void aFrenchUserIsAskedInFrenchAndMovesOnWithSkip() throws Exception {
        bot = startBot();
        FakeTelegramServer telegram = bot.fake();
        telegram.userSends(USER, "/start", "fr");
        await().until(() -> telegram.messagesTo(USER).size() == 1);
        telegram.userSends(USER, "/lang fr", "en"); // the stored language wins over the client's
        await().until(() -> telegram.messagesTo(USER).size() == 2);
        AlertPublisher alerts = bot.get(AlertPublisher.class);
        alerts.publish(FlowsFixture.arbitrage(0).teamA("Nets").build());
        alerts.publish(FlowsFixture.arbitrage(0).teamA("Knicks").build());
        await().until(() -> telegram.messagesTo(USER).stream().filter(m -> m.buttons().size() == 1).count() == 2);
        for (BotMessage alert : telegram.messagesTo(USER).stream().filter(m -> m.buttons().size() == 1).toList()) {
            String press = telegram.userPresses(USER, alert.messageId(), alert.buttons().get(0).callbackData(), "en");
            await().until(() -> telegram.answerTo(press).isPresent());
            assertThat(telegram.answerTo(press).orElseThrow().text()).isEqualTo("C'est noté — bonne chance !");
        }

        clock.advance(Duration.ofHours(4));
        bot.get(QuestionnaireScheduler.class).checkNow();
        BotMessage first = awaitMessage(telegram, m -> m.text().startsWith("📋 Comment s'est passé"));
        String firstTeam = first.text().contains("Nets") ? "Nets" : "Knicks";
        String otherTeam = firstTeam.equals("Nets") ? "Knicks" : "Nets";
        assertThat(first.buttons()).extracting(FakeTelegramServer.Button::text).contains(firstTeam + " a gagné",
                "Pas encore joué", "Je n'ai pas parié");

        telegram.userSends(USER, "/skip", "en");
        BotMessage second = awaitMessage(telegram, m -> m.text().startsWith("📋 Comment s'est passé " + otherTeam));
        String stale = telegram.userPresses(USER, first.messageId(), first.buttons().get(0).callbackData(), "en");
        await().until(() -> telegram.answerTo(stale).isPresent());
        assertThat(telegram.answerTo(stale).orElseThrow().text()).isEqualTo("Cette question est déjà fermée.");
        await().until(() -> telegram.messagesTo(USER).stream().anyMatch(m -> m.text().equals("Question passée.")));

        String notPlayed = telegram.userPresses(USER, second.messageId(), second.buttons().get(4).callbackData(), "en");
        awaitMessage(telegram, m -> m.text().startsWith("D'accord, je redemanderai pour " + otherTeam));
        assertThat(telegram.answerTo(notPlayed).orElseThrow().text()).isEqualTo("C'est noté.");
        assertThat(telegram.findMessage(USER, second.messageId()).orElseThrow().buttons()).isEmpty();
        telegram.userSends(USER, "/cancel", "en");
        awaitMessage(telegram, m -> m.text().equals("Aucune question de résultat n'est ouverte."));
        assertThat(telegram.rejections()).isEmpty();
    }

    private TelegramBotHarness startBot() {
        return TelegramBotHarness.builder().schemaPrefix("qbot").clock(clock).betButtons(null).fakeLimits(1000, 1000)
                .config(c -> c.setChatRate(100).setGlobalRate(500))
                .module(new BetButtonModule()).module(new QuestionnaireModule()).module(new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(Path.class).annotatedWith(DataDir.class).toInstance(dataDir);
                        bind(String.class).annotatedWith(Names.named(BetButtonModule.CALLBACK_SECRET)).toInstance("");
                        bind(QuestionnaireConfig.class).toInstance(new QuestionnaireConfig());
                        Multibinder.newSetBinder(binder(), BetClickHook.class).addBinding().toInstance(
                                (callId, userId, at) -> events.add("click " + userId));
                        Multibinder.newSetBinder(binder(), ResultHook.class).addBinding().toInstance(
                                (callId, userId, outcome, profit, at) -> events.add(outcome.code() + " " + profit));
                    }
                }).start();
    }

    /** The latest message to the user that matches, once one arrived (replies and questions may cross). */
    private static BotMessage awaitMessage(FakeTelegramServer telegram, Predicate<BotMessage> wanted) {
        await().atMost(Duration.ofSeconds(10)).until(() -> latest(telegram, wanted).isPresent());
        return latest(telegram, wanted).orElseThrow();
    }

    private static Optional<BotMessage> latest(FakeTelegramServer telegram, Predicate<BotMessage> wanted) {
        List<BotMessage> messages = telegram.messagesTo(USER);
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (wanted.test(messages.get(i))) {
                return Optional.of(messages.get(i));
            }
        }
        return Optional.empty();
    }
}
