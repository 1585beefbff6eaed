package com.arbalert.bot.telegram;

import java.net.URI;
import java.util.Set;

/**
 * The bot's identity as the bootstrap configures it (TELEGRAM_BOT_TOKEN, TELEGRAM_API_URL,
 * ADMIN_IDS). An interface so that Telegram code does not depend on how configuration is bound.
 */
public interface BotAccount {

    /** Secret: never logged. */
    String botToken();

    /** Scheme, host and port of the Bot API, such as {@code https://api.telegram.org}; a path is ignored. */
    URI apiUrl();

    /** Telegram user ids allowed to use admin commands. */
    Set<Long> adminIds();

    default boolean isAdmin(long userId) {
        return adminIds().contains(userId);
    }
}
