package com.arbalert.bot.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import com.arbalert.bot.spi.CommandRequest;
import com.arbalert.bot.spi.Outcome;
import com.arbalert.bot.telegram.IncomingCallback;
import com.arbalert.bot.telegram.IncomingText;
import com.arbalert.bot.telegram.MessageSender;
import com.arbalert.bot.telegram.OutgoingMessage;
import com.arbalert.bot.telegram.SendPriority;
import com.arbalert.bot.telegram.SendResult;
import com.arbalert.bot.testing.CoreSchema;
import com.arbalert.bot.testing.FakeTelegramServer;
import com.arbalert.bot.testing.FakeTelegramServer.BotMessage;
import com.arbalert.bot.testing.RecordingMessageSender;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ForceReplyKeyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The I BET and questionnaire flows over real HTTP: the real TelegramBots client against the fake
 * Bot API server, which refuses HTML Telegram would refuse and callback data over 64 bytes. A thin
 * client adapter and update pump stand in for the bot's sender and router here.
 */
class FlowsOverBotApiTest {
    private static final long USER = 4242;

    private final FakeTelegramServer telegram = FakeTelegramServer.start(FakeTelegramServer.DEFAULT_TOKEN, 1000, 1000);
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(5, TimeUnit.SECONDS).build();
    private final OkHttpTelegramClient client = new OkHttpTelegramClient(http, telegram.token(),
            new TelegramUrl(telegram.scheme(), telegram.host(), telegram.port(), false));
    private final HikariDataSource dataSource = CoreSchema.migrated("flows_bot_api");
    private final FlowsFixture flows = new FlowsFixture(dataSource, new RecordingMessageSender(new ClientSender(client)));
    private int offset;

    @AfterEach
    void close() {
        dataSource.close();
        telegram.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Test
    void aUserPressesIBetAndReportsTheResult() throws Exception {
        flows.publish(FlowsFixture.arbitrage(901).teamA("<Lakers & Co>").bookA("Book \"A\" & <B>"));
        int alertId = alert(901).messageId();
        String press = telegram.userPresses(USER, alertId, telegram.lastMessageTo(USER).orElseThrow().buttons().get(0).callbackData());
        pump();
        assertThat(telegram.answerTo(press).orElseThrow().text()).isEqualTo("Counted — good luck!");
        String again = telegram.userPresses(USER, alertId, flows.betData.betCallbackData(901));
        String forged = telegram.userPresses(USER, alertId, "b:1:AAAAAAAAAAAAAAAA");
        pump();
        assertThat(telegram.answerTo(again).orElseThrow().text()).isEqualTo("Already counted.");
        assertThat(telegram.answerTo(forged).orElseThrow().text()).isEqualTo("This button is not valid.");

        flows.clock.advance(Duration.ofHours(4));
        flows.check();
        BotMessage question = telegram.lastMessageTo(USER).orElseThrow();
        assertThat(question.text()).startsWith("📋 How did <Lakers & Co> vs Celtics go?")
                .contains("• Book \"A\" & <B> at -110, stake 100.00");
        assertThat(question.buttons()).extracting(FakeTelegramServer.Button::text)
                .containsExactly("<Lakers & Co> won", "Celtics won", "Push", "Void (cancelled)", "Not played yet", "I didn't bet");

        String outcome = telegram.userPresses(USER, question.messageId(), question.buttons().get(0).callbackData());
        pump();
        assertThat(telegram.answerTo(outcome).orElseThrow().text()).isEqualTo("Noted.");
        BotMessage answered = telegram.findMessage(USER, question.messageId()).orElseThrow();
        assertThat(answered.edits()).isEqualTo(1);
        assertThat(answered.buttons()).isEmpty();
        assertThat(answered.text()).endsWith("→ <Lakers & Co> won");
        assertThat(telegram.lastMessageTo(USER).orElseThrow().forceReply()).isTrue();

        String stale = telegram.userPresses(USER, question.messageId(), question.buttons().get(1).callbackData());
        telegram.userSends(USER, "12,345,678", "en");
        pump();
        assertThat(telegram.answerTo(stale).orElseThrow().text()).isEqualTo("This question is already closed.");
        assertThat(telegram.lastMessageTo(USER).orElseThrow().text()).startsWith("I could not read \"12,345,678\"");

        telegram.userSends(USER, "12.50$", "en");
        pump();
        assertThat(telegram.lastMessageTo(USER).orElseThrow().text())
                .isEqualTo("✅ Thanks! Recorded for <Lakers & Co> vs Celtics: <Lakers & Co> won, profit +12.50.");
        assertThat(flows.results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.A_WON);
            assertThat(r.profit()).isEqualTo(new BigDecimal("12.50"));
        });
        assertThat(telegram.rejections()).isEmpty();
    }

    @Test
    void aFrenchUserSkipsInFrench() throws Exception {
        flows.storedLanguages.put(USER, Locale.FRENCH);
        flows.publish(FlowsFixture.arbitrage(902));
        flows.publish(FlowsFixture.arbitrage(903).teamA("Nets"));
        for (long call : new long[] {902, 903}) {
            BotMessage alert = alert(call);
            telegram.userPresses(USER, alert.messageId(), alert.buttons().get(0).callbackData(), "fr");
        }
        pump();
        assertThat(telegram.callbackAnswers()).extracting(FakeTelegramServer.CallbackAnswer::text)
                .containsExactly("C'est noté — bonne chance !", "C'est noté — bonne chance !");
        flows.clock.advance(Duration.ofHours(4));
        flows.check();
        assertThat(telegram.lastMessageTo(USER).orElseThrow().text()).startsWith("📋 Comment s'est passé Lakers – Celtics ?");
        String reply = flows.skip.handle(new CommandRequest(USER, USER, "u", Locale.FRENCH, List.of(), false)).text();
        assertThat(reply).isEqualTo("Question passée.");
        BotMessage next = telegram.lastMessageTo(USER).orElseThrow();
        assertThat(next.text()).startsWith("📋 Comment s'est passé Nets – Celtics ?");
        String notPlayed = telegram.userPresses(USER, next.messageId(), next.buttons().get(4).callbackData(), "fr");
        pump();
        assertThat(telegram.answerTo(notPlayed).orElseThrow().text()).isEqualTo("C'est noté.");
        assertThat(telegram.lastMessageTo(USER).orElseThrow().text())
                .isEqualTo("D'accord, je redemanderai pour Nets – Celtics dans 24 heures.");
        assertThat(telegram.rejections()).isEmpty();
    }

    /** What alert delivery sends: an alert with the signed I BET button, as the user's client shows it. */
    private BotMessage alert(long callId) {
        int id = flows.sender.send(new OutgoingMessage(USER, "Arbitrage <b>&lt;call " + callId + "&gt;</b>",
                List.of(List.of(new OutgoingMessage.Button("I BET", flows.betData.betCallbackData(callId)))), false),
                SendPriority.ALERT).join().messageId();
        return telegram.findMessage(USER, id).orElseThrow();
    }

    /** Reads the pending updates and hands them to the flows as the bot's router does. */
    private void pump() throws TelegramApiException {
        List<Update> updates = client.execute(GetUpdates.builder().offset(offset).timeout(0).build());
        for (Update u : updates) {
            offset = u.getUpdateId() + 1;
            if (u.hasCallbackQuery()) {
                var q = u.getCallbackQuery();
                IncomingCallback cb = new IncomingCallback(q.getId(), q.getFrom().getId(), q.getMessage().getChatId(),
                        q.getMessage().getMessageId(), q.getFrom().getUserName(), q.getFrom().getLanguageCode(), q.getData());
                if (cb.data().startsWith(flows.betButton.prefix())) {
                    flows.betButton.handle(cb);
                } else if (cb.data().startsWith(flows.questionButtons.prefix())) {
                    flows.questionButtons.handle(cb);
                }
            } else if (u.hasMessage() && u.getMessage().hasText()) {
                var m = u.getMessage();
                flows.profitReplies.handle(new IncomingText(m.getFrom().getId(), m.getChatId(), m.getFrom().getUserName(),
                        m.getFrom().getLanguageCode(), m.getMessageId(), m.getText()));
            }
        }
    }

    /** Our MessageSender seam over the real client, synchronously, without the production sender's rate limits. */
    private record ClientSender(OkHttpTelegramClient client) implements MessageSender {
        @Override
        public CompletableFuture<SendResult> send(OutgoingMessage message, SendPriority priority, Instant notBefore) {
            SendMessage.SendMessageBuilder<?, ?> send = SendMessage.builder().chatId(message.chatId()).text(message.html())
                    .parseMode(ParseMode.HTML);
            if (message.forceReply()) {
                send.replyMarkup(ForceReplyKeyboard.builder().forceReply(true).build());
            } else if (!message.keyboard().isEmpty()) {
                send.replyMarkup(keyboard(message));
            }
            try {
                return CompletableFuture.completedFuture(SendResult.sent(client.execute(send.build()).getMessageId()));
            } catch (TelegramApiException e) {
                return CompletableFuture.completedFuture(new SendResult(SendResult.Status.FAILED, null, e.getMessage()));
            }
        }

        @Override
        public CompletableFuture<SendResult> edit(long chatId, int messageId, OutgoingMessage replacement) {
            EditMessageText.EditMessageTextBuilder<?, ?> edit = EditMessageText.builder().chatId(chatId).messageId(messageId)
                    .text(replacement.html()).parseMode(ParseMode.HTML);
            if (!replacement.keyboard().isEmpty()) {
                edit.replyMarkup(keyboard(replacement));
            }
            try {
                client.execute(edit.build());
                return CompletableFuture.completedFuture(SendResult.sent(messageId));
            } catch (TelegramApiException e) {
                return CompletableFuture.completedFuture(new SendResult(SendResult.Status.FAILED, null, e.getMessage()));
            }
        }

        @Override
        public CompletableFuture<Boolean> answerCallback(String callbackQueryId, String text) {
            try {
                return CompletableFuture.completedFuture(client.execute(
                        AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).text(text).build()));
            } catch (TelegramApiException e) {
                return CompletableFuture.completedFuture(false);
            }
        }

        private static InlineKeyboardMarkup keyboard(OutgoingMessage message) {
            return InlineKeyboardMarkup.builder().keyboard(message.keyboard().stream()
                    .map(row -> new InlineKeyboardRow(row.stream()
                            .map(b -> InlineKeyboardButton.builder().text(b.text()).callbackData(b.callbackData()).build())
                            .toList()))
                    .toList()).build();
        }
    }
}
