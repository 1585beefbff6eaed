package com.arbalert.calllogger;

import com.arbalert.bot.sandbox.FakeTelegramServer;
import com.arbalert.bot.testing.TestBot;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The whole bot (core, its Telegram side, the plugins found on the class path) against a fake
 * Bot API of the test's own, so a test can also shape its limits and faults.
 */
final class WholeBot {
    private WholeBot() {
    }

    /** A fake Bot API for {@link TestBot#BOT_TOKEN}, with room for bursts of test traffic. */
    static FakeTelegramServer fakeTelegram() {
        return FakeTelegramServer.start(TestBot.BOT_TOKEN, 100, 20);
    }

    static TestBot.Builder builder(FakeTelegramServer telegram, long... admins) {
        return TestBot.builder()
                .config("TELEGRAM_API_URL", telegram.url())
                .config("TELEGRAM_POLL_TIMEOUT", "1s")
                .config("TELEGRAM_REQUEST_TIMEOUT", "3s")
                .config("ADMIN_IDS", Arrays.stream(admins).mapToObj(Long::toString).collect(Collectors.joining(",")))
                .config("CALL_LOGGER_FLUSH_INTERVAL", "50ms");
    }
}
