package com.arbalert.bot.subscribers;

import java.time.Instant;
import java.util.Locale;

/** A row of {@code subscribers}; {@code language} is "en" or "fr". */
public record Subscriber(long userId, long chatId, String username, String language, Instant subscribedAt,
        boolean active) {

    public Locale locale() {
        return Locale.forLanguageTag(language);
    }
}
