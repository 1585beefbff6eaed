package com.arbalert.bot.core;

import com.arbalert.bot.config.Config;
import com.arbalert.bot.config.ConfigDescription;
import com.arbalert.bot.config.ConfigSecret;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How to reach the Bot API and who administers the bot. */
public class TelegramConnectionConfig {
    private String botToken;
    private URI apiUrl = URI.create("https://api.telegram.org");
    private List<Long> adminIds = List.of();

    /** Empty when unset; {@code ./bot run} refuses to start without it. */
    public Optional<String> getBotToken() {
        return Optional.ofNullable(botToken);
    }

    @Config("TELEGRAM_BOT_TOKEN")
    @ConfigSecret
    @ConfigDescription("the bot's token from @BotFather (required to run)")
    public TelegramConnectionConfig setBotToken(String botToken) {
        if (botToken.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("must not contain spaces");
        }
        this.botToken = botToken;
        return this;
    }

    /** Without a trailing slash, e.g. {@code https://api.telegram.org}. */
    public URI getApiUrl() {
        return apiUrl;
    }

    @Config("TELEGRAM_API_URL")
    @ConfigDescription("base URL of the Bot API, http(s)://host[:port] with no path")
    public TelegramConnectionConfig setApiUrl(URI apiUrl) {
        String scheme = apiUrl.getScheme() == null ? "" : apiUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!apiUrl.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || apiUrl.getHost() == null) {
            throw new IllegalArgumentException("must be an absolute http:// or https:// URL with a host");
        }
        String path = apiUrl.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || apiUrl.getRawQuery() != null || apiUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("must have no path, query or fragment, just scheme://host[:port]");
        }
        if (apiUrl.getRawUserInfo() != null) {
            throw new IllegalArgumentException("must not carry a user or password");
        }
        this.apiUrl = URI.create(scheme + "://" + apiUrl.getRawAuthority());
        return this;
    }

    public List<Long> getAdminIds() {
        return adminIds;
    }

    @Config("ADMIN_IDS")
    @ConfigDescription("comma-separated Telegram user ids allowed to use admin commands")
    public TelegramConnectionConfig setAdminIds(List<Long> adminIds) {
        for (Long id : adminIds) {
            if (id <= 0) {
                throw new IllegalArgumentException("Telegram user ids are positive, got " + id);
            }
        }
        this.adminIds = List.copyOf(adminIds);
        return this;
    }

    public boolean isAdmin(long userId) {
        return adminIds.contains(userId);
    }
}
