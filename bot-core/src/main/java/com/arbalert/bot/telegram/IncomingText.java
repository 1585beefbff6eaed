package com.arbalert.bot.telegram;

/** A text message from a private chat, in our own terms. */
public record IncomingText(long userId, long chatId, String username, String languageCode, int messageId, String text) {
}
