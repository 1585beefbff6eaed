package com.arbalert.bot.telegram;

import java.util.Locale;
import java.util.Optional;

/** The language a user chose (stored with their subscription), when the bot knows one. */
public interface UserLanguages {

    Optional<Locale> languageOf(long userId);
}
