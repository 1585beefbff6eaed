package com.arbalert.bot.commands;

import com.arbalert.bot.i18n.Texts;
import java.util.Locale;

/** The {@code bot} bundle's texts. */
public final class BotTexts {
    public static final String BUNDLE = "bot";

    private BotTexts() {
    }

    public static String get(Locale locale, String key, Object... args) {
        return Texts.get(BUNDLE, locale, key, args);
    }
}
