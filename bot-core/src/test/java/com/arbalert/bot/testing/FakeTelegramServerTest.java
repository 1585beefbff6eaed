package com.arbalert.bot.testing;

import com.arbalert.bot.sandbox.FakeTelegramServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** The fake speaks the Bot API well enough for the real client, and refuses what Telegram refuses. */
class FakeTelegramServerTest {
    private final FakeTelegramServer fake = FakeTelegramServer.start(FakeTelegramServer.DEFAULT_TOKEN, 5, 1);
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(5, TimeUnit.SECONDS).build();
    private final OkHttpTelegramClient client = new OkHttpTelegramClient(http, fake.token(),
            new TelegramUrl(fake.scheme(), fake.host(), fake.port(), false));

    @AfterEach
    void close() {
        fake.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Test
    void storesWhatTheBotSentWithItsKeyboard() throws Exception {
        Message m = client.execute(SendMessage.builder().chatId(7L).parseMode(ParseMode.HTML)
                .text("<b>&lt;Lakers &amp; Co&gt;</b>")
                .replyMarkup(InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
                        InlineKeyboardButton.builder().text("I BET").callbackData("b:1").build())).build())
                .build());
        assertThat(m.getMessageId()).isEqualTo(1);
        FakeTelegramServer.BotMessage stored = fake.lastMessageTo(7).orElseThrow();
        assertThat(stored.text()).isEqualTo("<Lakers & Co>");
        assertThat(stored.buttons()).containsExactly(new FakeTelegramServer.Button("I BET", "b:1"));
    }

    @Test
    void refusesBadHtmlAndLongCallbackData() {
        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(7L).parseMode(ParseMode.HTML)
                .text("<Lakers & Co>").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> assertThat(e.getErrorCode()).isEqualTo(400));
        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(7L).text("x")
                .replyMarkup(InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
                        InlineKeyboardButton.builder().text("x").callbackData("é".repeat(33)).build())).build())
                .build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        e -> assertThat(e.getMessage()).contains("BUTTON_DATA_INVALID"));
        assertThat(fake.messagesTo(7)).isEmpty();
    }

    @Test
    void answers429BeyondTheLimitsAndCountsIt() throws Exception {
        client.execute(SendMessage.builder().chatId(1L).text("a").build());
        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(1L).text("b").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(429);
                    assertThat(e.getParameters().getRetryAfter()).isEqualTo(1);
                });
        for (int chat = 2; chat <= 5; chat++) {
            client.execute(SendMessage.builder().chatId((long) chat).text("c").build());
        }
        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(6L).text("d").build()))
                .isInstanceOf(TelegramApiRequestException.class);
        assertThat(fake.rateLimitViolations()).isEqualTo(2);
        assertThat(fake.deliveries()).hasSize(5);
    }

    @Test
    void editsMessagesAndTakesDocumentsAsMultipart() throws Exception {
        Message m = client.execute(SendMessage.builder().chatId(8L).text("before").build());
        client.execute(EditMessageText.builder().chatId(8L).messageId(m.getMessageId()).text("after").build());
        assertThat(fake.lastMessageTo(8).orElseThrow().text()).isEqualTo("after");
        assertThat(fake.lastMessageTo(8).orElseThrow().edits()).isEqualTo(1);
        Thread.sleep(1100);
        byte[] csv = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
        client.execute(SendDocument.builder().chatId(8L).caption("export")
                .document(new InputFile(new ByteArrayInputStream(csv), "calls.csv")).build());
        FakeTelegramServer.BotMessage doc = fake.lastMessageTo(8).orElseThrow();
        assertThat(doc.kind()).isEqualTo("document");
        assertThat(doc.fileName()).isEqualTo("calls.csv");
        assertThat(doc.file()).isEqualTo(csv);
        assertThat(doc.text()).isEqualTo("export");
    }

    @Test
    void deliversInjectedUpdatesByOffset() throws Exception {
        fake.userSends(42, "/start", "fr");
        String query = fake.userPresses(42, 3, "b:9");
        List<Update> first = client.execute(GetUpdates.builder().offset(0).timeout(1).build());
        assertThat(first).hasSize(2);
        assertThat(first.get(0).getMessage().getText()).isEqualTo("/start");
        assertThat(first.get(0).getMessage().getFrom().getLanguageCode()).isEqualTo("fr");
        assertThat(first.get(1).getCallbackQuery().getData()).isEqualTo("b:9");
        assertThat(first.get(1).getCallbackQuery().getId()).isEqualTo(query);
        long started = System.nanoTime();
        List<Update> next = client.execute(GetUpdates.builder().offset(first.get(1).getUpdateId() + 1).timeout(1).build());
        assertThat(next).isEmpty();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(900);
        assertThat(fake.allUpdatesConfirmed()).isTrue();
    }
}
