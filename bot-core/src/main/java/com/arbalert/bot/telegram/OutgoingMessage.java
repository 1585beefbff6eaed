package com.arbalert.bot.telegram;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A message to one chat, in our own terms (no TelegramBots types), so that flows can be tested
 * without the client. {@code html} is already escaped for Telegram's HTML parse mode.
 */
public record OutgoingMessage(long chatId, String html, List<List<Button>> keyboard, boolean forceReply) {

    /** An inline button; {@code callbackData} is at most 64 bytes in UTF-8. */
    public record Button(String text, String callbackData) {
        public Button {
            requireNonNull(text, "text");
            requireNonNull(callbackData, "callbackData");
        }
    }

    public OutgoingMessage {
        requireNonNull(html, "html");
        keyboard = keyboard == null ? List.of() : keyboard.stream().map(List::copyOf).toList();
    }

    public static OutgoingMessage text(long chatId, String html) {
        return new OutgoingMessage(chatId, html, List.of(), false);
    }
}
