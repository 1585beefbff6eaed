package com.arbalert.bot.logging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Removes secrets from log text: anything shaped like a bot token in a Bot API URL
 * ({@code bot123456:AA...}) and every configured secret value. Used by the Logback converters.
 */
public final class LogMasking {
    private static final Pattern BOT_TOKEN = Pattern.compile("\\d{3,}:[A-Za-z0-9_-]{20,}");
    private static final List<String> SECRETS = new CopyOnWriteArrayList<>();

    private LogMasking() {
    }

    /** Remembers a configured secret so it is masked wherever it appears; short values are ignored. */
    public static void addSecret(String value) {
        if (value != null && value.length() >= 4 && !SECRETS.contains(value)) {
            SECRETS.add(value);
        }
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String secret : SECRETS) {
            if (masked.contains(secret)) {
                masked = masked.replace(secret, "****");
            }
        }
        return BOT_TOKEN.matcher(masked).replaceAll("****");
    }
}
