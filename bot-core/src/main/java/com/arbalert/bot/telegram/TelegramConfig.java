package com.arbalert.bot.telegram;

import com.arbalert.bot.config.Config;
import com.arbalert.bot.config.ConfigDescription;
import java.time.Duration;

/**
 * How the bot talks to Telegram and delivers alerts. The token, API URL and admin ids are the
 * bootstrap's own keys, reached through {@link BotAccount}.
 */
public class TelegramConfig {
    private int globalRate = 30;
    private int chatRate = 1;
    private Duration rateMargin = Duration.ofMillis(10);
    private Duration chatMargin = Duration.ofMillis(50);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private int maxRetries = 3;
    private Duration retryBackoff = Duration.ofMillis(500);
    private Duration pollTimeout = Duration.ofSeconds(50);
    private Duration pollStallAfter = Duration.ofMinutes(2);
    private Duration alertMaxAge = Duration.ofMinutes(10);
    private Duration alertDedupWindow = Duration.ofHours(1);

    public int getGlobalRate() {
        return globalRate;
    }

    @Config("TELEGRAM_GLOBAL_RATE")
    @ConfigDescription("Messages per second the bot sends at most, all chats together (Telegram allows 30)")
    public TelegramConfig setGlobalRate(int globalRate) {
        this.globalRate = positive("TELEGRAM_GLOBAL_RATE", globalRate);
        return this;
    }

    public int getChatRate() {
        return chatRate;
    }

    @Config("TELEGRAM_CHAT_RATE")
    @ConfigDescription("Messages per second the bot sends at most to one chat (Telegram allows 1)")
    public TelegramConfig setChatRate(int chatRate) {
        this.chatRate = positive("TELEGRAM_CHAT_RATE", chatRate);
        return this;
    }

    public Duration getRateMargin() {
        return rateMargin;
    }

    @Config("TELEGRAM_RATE_MARGIN")
    @ConfigDescription("Added to the global one-second window, counted from answers, for clock granularity")
    public TelegramConfig setRateMargin(Duration rateMargin) {
        if (rateMargin.isNegative() || rateMargin.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("TELEGRAM_RATE_MARGIN must be 0..1s, got " + rateMargin);
        }
        this.rateMargin = rateMargin;
        return this;
    }

    public Duration getChatMargin() {
        return chatMargin;
    }

    @Config("TELEGRAM_CHAT_MARGIN")
    @ConfigDescription("Added to a chat's one-second window, and to every 429 pause")
    public TelegramConfig setChatMargin(Duration chatMargin) {
        if (chatMargin.isNegative() || chatMargin.compareTo(Duration.ofSeconds(5)) > 0) {
            throw new IllegalArgumentException("TELEGRAM_CHAT_MARGIN must be 0..5s, got " + chatMargin);
        }
        this.chatMargin = chatMargin;
        return this;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    @Config("TELEGRAM_REQUEST_TIMEOUT")
    @ConfigDescription("Longest wait for one Bot API call (long polling waits this on top of its own timeout)")
    public TelegramConfig setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = positive("TELEGRAM_REQUEST_TIMEOUT", requestTimeout);
        return this;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    @Config("TELEGRAM_MAX_RETRIES")
    @ConfigDescription("Retries of a send after a transient error (5xx, timeout, I/O) before it counts as failed")
    public TelegramConfig setMaxRetries(int maxRetries) {
        if (maxRetries < 0 || maxRetries > 20) {
            throw new IllegalArgumentException("TELEGRAM_MAX_RETRIES must be 0..20, got " + maxRetries);
        }
        this.maxRetries = maxRetries;
        return this;
    }

    public Duration getRetryBackoff() {
        return retryBackoff;
    }

    @Config("TELEGRAM_RETRY_BACKOFF")
    @ConfigDescription("Wait before the first retry of a send; doubled for each further retry")
    public TelegramConfig setRetryBackoff(Duration retryBackoff) {
        this.retryBackoff = positive("TELEGRAM_RETRY_BACKOFF", retryBackoff);
        return this;
    }

    public Duration getPollTimeout() {
        return pollTimeout;
    }

    @Config("TELEGRAM_POLL_TIMEOUT")
    @ConfigDescription("How long one getUpdates call waits for updates (long polling), whole seconds")
    public TelegramConfig setPollTimeout(Duration pollTimeout) {
        if (pollTimeout.isNegative() || pollTimeout.toSeconds() > 600) {
            throw new IllegalArgumentException("TELEGRAM_POLL_TIMEOUT must be 0..600s, got " + pollTimeout);
        }
        this.pollTimeout = pollTimeout;
        return this;
    }

    public Duration getPollStallAfter() {
        return pollStallAfter;
    }

    @Config("TELEGRAM_POLL_STALL_AFTER")
    @ConfigDescription("The telegram health check is DOWN when no getUpdates call started for this long")
    public TelegramConfig setPollStallAfter(Duration pollStallAfter) {
        this.pollStallAfter = positive("TELEGRAM_POLL_STALL_AFTER", pollStallAfter);
        return this;
    }

    public Duration getAlertMaxAge() {
        return alertMaxAge;
    }

    @Config("ALERT_MAX_AGE")
    @ConfigDescription("An alert still queued this long after its call was published is dropped (odds move)")
    public TelegramConfig setAlertMaxAge(Duration alertMaxAge) {
        this.alertMaxAge = positive("ALERT_MAX_AGE", alertMaxAge);
        return this;
    }

    public Duration getAlertDedupWindow() {
        return alertDedupWindow;
    }

    @Config("ALERT_DEDUP_WINDOW")
    @ConfigDescription("A call identical to one published within this window is not sent again")
    public TelegramConfig setAlertDedupWindow(Duration alertDedupWindow) {
        this.alertDedupWindow = positive("ALERT_DEDUP_WINDOW", alertDedupWindow);
        return this;
    }

    private static int positive(String key, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be positive, got " + value);
        }
        return value;
    }

    private static Duration positive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, got " + value);
        }
        return value;
    }
}
