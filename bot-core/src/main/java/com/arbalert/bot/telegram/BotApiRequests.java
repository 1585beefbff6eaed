package com.arbalert.bot.telegram;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ForceReplyKeyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/** Turns our {@link OutgoingMessage} into TelegramBots requests, checking what the library does not. */
final class BotApiRequests {
    /** Telegram refuses longer callback data; the library does not check it. */
    static final int CALLBACK_DATA_MAX_BYTES = 64;

    private BotApiRequests() {
    }

    static SendMessage sendMessage(OutgoingMessage message) {
        return SendMessage.builder()
                .chatId(message.chatId())
                .text(message.html())
                .parseMode(ParseMode.HTML)
                .disableWebPagePreview(true)
                .replyMarkup(markup(message))
                .build();
    }

    static EditMessageText editMessageText(long chatId, int messageId, OutgoingMessage replacement) {
        return EditMessageText.builder()
                .chatId(chatId)
                .messageId(messageId)
                .text(replacement.html())
                .parseMode(ParseMode.HTML)
                .disableWebPagePreview(true)
                .replyMarkup(replacement.keyboard().isEmpty() ? null : inlineKeyboard(replacement.keyboard()))
                .build();
    }

    /**
     * @throws IllegalArgumentException when a button's callback data is over 64 bytes: a bug in
     *     the code that built it, refused before anything is queued
     */
    static void checkCallbackData(List<List<OutgoingMessage.Button>> keyboard) {
        for (List<OutgoingMessage.Button> row : keyboard) {
            for (OutgoingMessage.Button b : row) {
                int bytes = b.callbackData().getBytes(StandardCharsets.UTF_8).length;
                if (bytes > CALLBACK_DATA_MAX_BYTES || bytes == 0) {
                    throw new IllegalArgumentException("callback data of button '" + b.text() + "' is " + bytes
                            + " bytes; Telegram accepts 1.." + CALLBACK_DATA_MAX_BYTES);
                }
            }
        }
    }

    private static ReplyKeyboard markup(OutgoingMessage message) {
        if (!message.keyboard().isEmpty()) {
            return inlineKeyboard(message.keyboard());
        }
        return message.forceReply() ? ForceReplyKeyboard.builder().forceReply(true).build() : null;
    }

    private static InlineKeyboardMarkup inlineKeyboard(List<List<OutgoingMessage.Button>> keyboard) {
        checkCallbackData(keyboard);
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (List<OutgoingMessage.Button> row : keyboard) {
            InlineKeyboardRow r = new InlineKeyboardRow();
            for (OutgoingMessage.Button b : row) {
                r.add(InlineKeyboardButton.builder().text(b.text()).callbackData(b.callbackData()).build());
            }
            rows.add(r);
        }
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }
}
