package com.arbalert.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arbalert.bot.subscribers.Subscriber;
import com.arbalert.bot.subscribers.SubscriberRepository;
import com.arbalert.bot.sandbox.FakeTelegramServer;
import com.arbalert.bot.testing.TelegramBotHarness;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /start, /stop, /lang and /help as a user does them, through the fake Bot API and MariaDB. */
class SubscriptionTest {
    private static TelegramBotHarness bot;
    private static FakeTelegramServer fake;
    private static SubscriberRepository subscribers;

    @BeforeAll
    static void start() {
        bot = TelegramBotHarness.builder().schemaPrefix("subs").start();
        fake = bot.fake();
        subscribers = bot.get(SubscriberRepository.class);
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    private static String nextReply(long chat, int before) {
        await().atMost(Duration.ofSeconds(10)).until(() -> fake.messagesTo(chat).size() > before);
        return fake.messagesTo(chat).get(before).text();
    }

    @Test
    void startSubscribesInTheUsersLanguageAndStopUnsubscribes() {
        fake.userSends(101, "/start", "fr-FR");
        assertThat(nextReply(101, 0)).startsWith("Bienvenue");
        Subscriber s = subscribers.find(101).orElseThrow();
        assertThat(s.active()).isTrue();
        assertThat(s.language()).isEqualTo("fr");
        assertThat(s.chatId()).isEqualTo(101);
        assertThat(s.username()).isEqualTo("user101");
        assertThat(s.subscribedAt()).isNotNull();

        fake.userSends(101, "/start", "fr");
        assertThat(nextReply(101, 1)).contains("déjà abonné");

        fake.userSends(101, "/stop", "fr");
        assertThat(nextReply(101, 2)).contains("désabonné");
        assertThat(subscribers.find(101).orElseThrow().active()).isFalse();
        assertThat(subscribers.activeSubscribers()).extracting(Subscriber::userId).doesNotContain(101L);
    }

    @Test
    void langSwitchesAndIsRemembered() {
        fake.userSends(102, "/start", "en");
        assertThat(nextReply(102, 0)).startsWith("Welcome");
        fake.userSends(102, "/lang", "en");
        assertThat(nextReply(102, 1)).isEqualTo("Langue réglée sur le français.");
        assertThat(subscribers.find(102).orElseThrow().language()).isEqualTo("fr");
        // the stored choice wins over the language of the user's Telegram app
        fake.userSends(102, "/help", "en");
        assertThat(nextReply(102, 2)).startsWith("Ce bot envoie");
        fake.userSends(102, "/lang en", "en");
        assertThat(nextReply(102, 3)).isEqualTo("Language set to English.");
        fake.userSends(102, "/lang xx", "en");
        assertThat(nextReply(102, 4)).isEqualTo("Send /lang en or /lang fr.");
        assertThat(subscribers.find(102).orElseThrow().language()).isEqualTo("en");
        assertThat(subscribers.find(102).orElseThrow().active()).isTrue();
    }

    @Test
    void unknownCommandsAndPlainTextGetTheHelpText() {
        fake.userSends(103, "/frobnicate", "en");
        String help = nextReply(103, 0);
        assertThat(help).startsWith("This bot sends arbitrage alerts").contains("/start", "/stop", "/lang", "/help")
                .doesNotContain("/stats");
        fake.userSends(103, "hello?", "en");
        assertThat(nextReply(103, 1)).isEqualTo(help);
        assertThat(subscribers.find(103)).isEmpty();
    }

    @Test
    void groupChatsAreIgnored() throws Exception {
        fake.groupSends(-500, 104, "/start");
        fake.userSends(104, "/help", "en");
        nextReply(104, 0);
        assertThat(fake.messagesTo(-500)).isEmpty();
        assertThat(subscribers.find(104)).isEmpty();
    }

    @Test
    void commandsWithTheBotsNameAreUnderstood() {
        fake.userSends(105, "/start@fake_bot", "en");
        assertThat(nextReply(105, 0)).startsWith("Welcome");
        assertThat(List.of(subscribers.find(105).orElseThrow().active())).containsExactly(true);
    }
}
