package com.arbalert.calllogger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arbalert.bot.spi.BetClickHook;
import com.arbalert.bot.spi.CallSentHook;
import com.arbalert.bot.spi.ResultHook;
import com.arbalert.bot.sandbox.FakeTelegramServer;
import com.arbalert.bot.testing.TestBot;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** With the plugin's jar off the class path the bot runs as before: no call log, and /stats says so. */
class BotWithoutPluginTest {
    private static final long ADMIN = 77;
    private static final long USER = 78;

    @Test
    void theBotRunsAndDeliversWithoutTheLoggerAndStatsSaysNoPluginIsLoaded() throws Exception {
        try (FakeTelegramServer telegram = WholeBot.fakeTelegram();
                TestBot bot = WholeBot.builder(telegram, ADMIN).withoutPlugins()
                        .config("CALL_LOGGER_FLUSH_INTERVAL", null).start()) {
            assertThat(bot.get(Key.get(new TypeLiteral<Set<CallSentHook>>() { })))
                    .noneMatch(CallLogHooks.class::isInstance);
            assertThat(bot.get(Key.get(new TypeLiteral<Set<BetClickHook>>() { }))).isEmpty();
            assertThat(bot.get(Key.get(new TypeLiteral<Set<ResultHook>>() { }))).isEmpty();

            telegram.userSends(USER, "/start", "en");
            await().until(() -> telegram.lastMessageTo(USER).isPresent());
            HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(bot.uri("/v1/calls"))
                    .header("Authorization", "Bearer " + TestBot.INGEST_TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(CallLoggerThroughTheBotTest.callJson("Kings",
                            Instant.parse("2026-12-01T19:30:00Z")))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(10)).until(() -> telegram.messagesTo(USER).stream()
                    .anyMatch(m -> m.text().contains("Kings")));
            try (Connection c = bot.get(DataSource.class).getConnection();
                    ResultSet rs = c.getMetaData().getTables(bot.schema().name(), null, "arbitrage_calls", null)) {
                assertThat(rs.next()).as("no call log table without the plugin").isFalse();
            }

            telegram.userSends(ADMIN, "/stats 7d", "en");
            await().atMost(Duration.ofSeconds(10)).until(() -> telegram.lastMessageTo(ADMIN)
                    .filter(m -> m.text().equals("No stats plugin is loaded.")).isPresent());
            telegram.userSends(USER, "/stats", "en");
            await().atMost(Duration.ofSeconds(10)).until(() -> telegram.lastMessageTo(USER)
                    .filter(m -> m.text().contains("administrators")).isPresent());

            HttpResponse<String> stats = HttpClient.newHttpClient().send(HttpRequest.newBuilder(bot.uri("/v1/stats"))
                    .header("Authorization", "Bearer " + TestBot.INGEST_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(stats.statusCode()).isEqualTo(404);
        }
    }
}
