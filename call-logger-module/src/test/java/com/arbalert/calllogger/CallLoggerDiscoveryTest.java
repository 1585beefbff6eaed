package com.arbalert.calllogger;

import static org.assertj.core.api.Assertions.assertThat;

import com.arbalert.bot.bootstrap.PluginLoader;
import com.arbalert.bot.testing.TestBot;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The bot finds this plugin through META-INF/services and boots with it, as ./bot run does. */
class CallLoggerDiscoveryTest {

    @Test
    void theBotFindsThePluginAndBootsWithIt() throws Exception {
        assertThat(PluginLoader.discover(getClass().getClassLoader())).hasAtLeastOneElementOfType(CallLoggerModule.class);
        try (TestBot bot = TestBot.builder().start()) {
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(bot.uri("/healthz")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        }
    }
}
