package com.arbalert.bot.core;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.telegram.BotAccount;
import java.net.URI;
import java.util.Set;

/** The bot's identity read from TELEGRAM_BOT_TOKEN, TELEGRAM_API_URL and ADMIN_IDS. */
final class ConfiguredBotAccount implements BotAccount {
    private final TelegramConnectionConfig config;
    private final Set<Long> adminIds;

    ConfiguredBotAccount(TelegramConnectionConfig config) {
        this.config = requireNonNull(config, "config");
        this.adminIds = Set.copyOf(config.getAdminIds());
    }

    @Override
    public String botToken() {
        // read when Telegram is first reached, so commands without Telegram (migrate) need no token
        return config.getBotToken().orElseThrow(() -> new IllegalStateException(
                "TELEGRAM_BOT_TOKEN is not set (see README.md#configuration)"));
    }

    @Override
    public URI apiUrl() {
        return config.getApiUrl();
    }

    @Override
    public Set<Long> adminIds() {
        return adminIds;
    }

    @Override
    public String toString() {
        return "BotAccount[apiUrl=" + apiUrl() + ", admins=" + adminIds.size() + "]";
    }
}
