package com.arbalert.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.arbalert.bot.alerts.AlertPublisher;
import com.arbalert.bot.alerts.PublishResult;
import com.arbalert.bot.spi.CallRecord;
import com.arbalert.bot.spi.CallType;
import com.arbalert.bot.subscribers.SubscriberRepository;
import com.arbalert.bot.testing.FakeTelegramServer;
import com.arbalert.bot.testing.FakeTelegramServer.Fault;
import com.arbalert.bot.testing.TelegramBotHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sender against the fake Bot API's faults: 403, 429, 5xx, slow and non-API answers. */
class RateLimitedSenderTest {
    private TelegramBotHarness bot;

    @AfterEach
    void close() {
        if (bot != null) {
            bot.close();
        }
    }

    private void start(int maxRetries) {
        bot = TelegramBotHarness.builder().schemaPrefix("sender").config(c -> c
                .setRequestTimeout(Duration.ofSeconds(1)).setMaxRetries(maxRetries)).start();
    }

    private MessageSender sender() {
        return bot.get(MessageSender.class);
    }

    private FakeTelegramServer fake() {
        return bot.fake();
    }

    static CallRecord call(String teamA) {
        return CallRecord.builder().callType(CallType.ARBITRAGE).sport("Soccer").teamA(teamA).teamB("B")
                .matchDate(Instant.parse("2026-12-24T20:00:00Z")).bookA("X").bookB("Y").market("1X2")
                .oddsA("-110").oddsB("120").roiPercent(1.5).stakeA("100").stakeB("90").profitExpected("5").build();
    }

    @Test
    void aUserWhoBlockedTheBotIsMarkedInactiveAndNotTriedAgain() throws Exception {
        start(3);
        SubscriberRepository subscribers = bot.get(SubscriberRepository.class);
        subscribers.subscribe(301, 301, "stays", Locale.ENGLISH);
        subscribers.subscribe(302, 302, "blocker", Locale.ENGLISH);
        fake().block(302);
        AlertPublisher publisher = bot.get(AlertPublisher.class);
        assertThat(publisher.publish(call("First")).recipients()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> !subscribers.find(302).orElseThrow().active());
        assertThat(fake().calls("sendMessage")).isEqualTo(2);

        PublishResult second = publisher.publish(call("Second"));
        assertThat(second.recipients()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> fake().messagesTo(301).size() == 2);
        assertThat(fake().calls("sendMessage")).isEqualTo(3);
        assertThat(subscribers.find(301).orElseThrow().active()).isTrue();
    }

    @Test
    void aStormOf429IsWaitedOutAndEveryMessageArrives() throws Exception {
        start(3);
        SubscriberRepository subscribers = bot.get(SubscriberRepository.class);
        for (long u = 1; u <= 20; u++) {
            subscribers.subscribe(u, u, null, Locale.ENGLISH);
        }
        fake().failNext("*", Fault.tooManyRequests(1), 3);
        long started = System.nanoTime();
        bot.get(AlertPublisher.class).publish(call("Storm"));
        await().atMost(Duration.ofSeconds(20)).until(() -> fake().deliveries().size() == 20);
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        // the three injected, and maybe a few for requests already in flight when they were answered
        assertThat(fake().tooManyRequests()).as(fake().summary()).isGreaterThanOrEqualTo(3);
        assertThat(fake().pauseViolations()).as("sends during a retry_after").isZero();
        assertThat(fake().rateLimitViolations()).as("sends over the limits").isZero();
        // requests in flight together get their 429s together, so there are one to three pauses
        assertThat(tookMillis).as("at least one pause of 1 s").isGreaterThanOrEqualTo(1000);
        for (long u = 1; u <= 20; u++) {
            assertThat(fake().messagesTo(u)).hasSize(1);
        }
    }

    @Test
    void transientErrorsAreRetriedAndNonApiAnswersTimeOut() throws Exception {
        start(3);
        fake().failNext("sendMessage", Fault.serverError());
        fake().failNext("sendMessage", Fault.nonApiBody());
        fake().failNext("sendMessage", Fault.stalledBody());
        long started = System.nanoTime();
        SendResult result = sender().send(OutgoingMessage.text(401, "after three failures"), SendPriority.INTERACTIVE)
                .get(15, TimeUnit.SECONDS);
        assertThat(result.status()).isEqualTo(SendResult.Status.SENT);
        assertThat(result.messageId()).isEqualTo(1);
        assertThat(fake().calls("sendMessage")).isEqualTo(4);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(10_000);
        assertThat(bot.meters().counter("telegram.send_retries").count()).isEqualTo(3);
    }

    @Test
    void aSendGivesUpAfterItsRetriesWithinTheTimeout() throws Exception {
        start(1);
        fake().failNext("sendMessage", Fault.stalledBody(), 2);
        long started = System.nanoTime();
        SendResult result = sender().send(OutgoingMessage.text(402, "never"), SendPriority.INTERACTIVE)
                .get(10, TimeUnit.SECONDS);
        assertThat(result.status()).isEqualTo(SendResult.Status.FAILED);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(2000L, 6000L);
        assertThat(fake().messagesTo(402)).isEmpty();
    }

    @Test
    void badRequestsAreNotRetried() throws Exception {
        start(3);
        SendResult result = sender().send(OutgoingMessage.text(403, "<unknown-tag>"), SendPriority.INTERACTIVE)
                .get(5, TimeUnit.SECONDS);
        assertThat(result.status()).isEqualTo(SendResult.Status.FAILED);
        assertThat(result.error()).contains("can't parse entities");
        assertThat(fake().calls("sendMessage")).isEqualTo(1);
    }

    @Test
    void oldAlertsExpireAndCallbackDataOver64BytesIsRefusedBeforeQueueing() throws Exception {
        start(3);
        SendResult old = sender().send(OutgoingMessage.text(404, "stale odds"), SendPriority.ALERT,
                Instant.now().minus(Duration.ofMinutes(11))).get(5, TimeUnit.SECONDS);
        assertThat(old.status()).isEqualTo(SendResult.Status.EXPIRED);
        assertThat(fake().calls("sendMessage")).isZero();

        OutgoingMessage tooLong = new OutgoingMessage(404, "x",
                List.of(List.of(new OutgoingMessage.Button("b", "é".repeat(33)))), false);
        assertThatThrownBy(() -> sender().send(tooLong, SendPriority.INTERACTIVE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("66 bytes");
        OutgoingMessage fits = new OutgoingMessage(404, "x",
                List.of(List.of(new OutgoingMessage.Button("b", "é".repeat(32)))), false);
        assertThat(sender().send(fits, SendPriority.INTERACTIVE).get(5, TimeUnit.SECONDS).delivered()).isTrue();
    }

    @Test
    void repliesGoFirstThenNewerAlertsThenBackground() throws Exception {
        // slow enough that requests sent one after the other also arrive in that order
        bot = TelegramBotHarness.builder().schemaPrefix("sender").config(c -> c.setGlobalRate(5)).start();
        fake().failNext("sendMessage", Fault.tooManyRequests(1));
        CompletableFuture<SendResult> first = sender().send(OutgoingMessage.text(500, "first"), SendPriority.INTERACTIVE);
        // the sender has taken the 429 in (not only the fake sent it)
        await().atMost(Duration.ofSeconds(5))
                .until(() -> bot.meters().counter("telegram.too_many_requests").count() == 1);
        // queued while every send waits for retry_after
        Instant now = Instant.now();
        List<CompletableFuture<SendResult>> all = new ArrayList<>(List.of(first,
                sender().send(OutgoingMessage.text(501, "background"), SendPriority.BACKGROUND),
                sender().send(OutgoingMessage.text(502, "older alert"), SendPriority.ALERT, now.minusSeconds(60)),
                sender().send(OutgoingMessage.text(503, "newer alert"), SendPriority.ALERT, now),
                sender().send(OutgoingMessage.text(504, "reply"), SendPriority.INTERACTIVE)));
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(fake().deliveries()).extracting(FakeTelegramServer.Delivery::chatId)
                .containsExactly(500L, 504L, 503L, 502L, 501L);
        assertThat(fake().pauseViolations()).isZero();
    }

    @Test
    void editsReplaceTextAndKeyboardOfASentMessage() throws Exception {
        start(3);
        OutgoingMessage alert = new OutgoingMessage(800, "<b>odds</b>",
                List.of(List.of(new OutgoingMessage.Button("I BET", "b:1"))), false);
        int id = sender().send(alert, SendPriority.INTERACTIVE).get(5, TimeUnit.SECONDS).messageId();
        OutgoingMessage noted = new OutgoingMessage(800, "<b>odds</b>\n✓ noted",
                List.of(List.of(new OutgoingMessage.Button("Undo", "b:u:1"))), false);
        // an edit right after a send: edits do not wait for the chat's one-second window
        SendResult edited = sender().edit(800, id, noted).get(5, TimeUnit.SECONDS);
        assertThat(edited).isEqualTo(SendResult.sent(id));
        FakeTelegramServer.BotMessage m = fake().findMessage(800, id).orElseThrow();
        assertThat(m.text()).isEqualTo("odds\n✓ noted");
        assertThat(m.buttons()).containsExactly(new FakeTelegramServer.Button("Undo", "b:u:1"));
        assertThat(m.edits()).isEqualTo(1);
        assertThat(sender().edit(800, 999, noted).get(5, TimeUnit.SECONDS).status())
                .isEqualTo(SendResult.Status.FAILED);
    }

    @Test
    void callbackQueriesAreAnswered() throws Exception {
        start(3);
        String query = fake().userPresses(600, 1, "x:1");
        // the router answers unclaimed presses; this checks the sender's own call too
        await().atMost(Duration.ofSeconds(5)).until(() -> fake().answerTo(query).isPresent());
        assertThat(fake().answerTo(query).orElseThrow().text()).isEqualTo("This button no longer works.");
        assertThat(sender().answerCallback("no-such-query", "x").get(5, TimeUnit.SECONDS)).isFalse();
    }
}
