package com.arbalert.bot.telegram;

/** An inline-button press. Every one must be answered with {@link MessageSender#answerCallback}. */
public record IncomingCallback(String callbackQueryId, long userId, long chatId, Integer messageId, String username,
        String languageCode, String data) {
}
