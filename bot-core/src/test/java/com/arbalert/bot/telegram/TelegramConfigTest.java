package com.arbalert.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.arbalert.bot.config.Config;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TelegramConfigTest {

    @Test
    void defaults() {
        TelegramConfig c = new TelegramConfig();
        assertThat(c.getGlobalRate()).isEqualTo(30);
        assertThat(c.getChatRate()).isEqualTo(1);
        assertThat(c.getRateMargin()).isEqualTo(Duration.ofMillis(10));
        assertThat(c.getChatMargin()).isEqualTo(Duration.ofMillis(50));
        assertThat(c.getRequestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.getMaxRetries()).isEqualTo(3);
        assertThat(c.getRetryBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.getPollTimeout()).isEqualTo(Duration.ofSeconds(50));
        assertThat(c.getPollStallAfter()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.getAlertMaxAge()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.getAlertDedupWindow()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void everySetterHasItsKey() {
        assertThat(Arrays.stream(TelegramConfig.class.getMethods()).filter(m -> m.isAnnotationPresent(Config.class))
                .map(m -> m.getAnnotation(Config.class).value()))
                .containsExactlyInAnyOrder("TELEGRAM_GLOBAL_RATE", "TELEGRAM_CHAT_RATE", "TELEGRAM_RATE_MARGIN",
                        "TELEGRAM_CHAT_MARGIN", "TELEGRAM_REQUEST_TIMEOUT", "TELEGRAM_MAX_RETRIES",
                        "TELEGRAM_RETRY_BACKOFF", "TELEGRAM_POLL_TIMEOUT", "TELEGRAM_POLL_STALL_AFTER", "ALERT_MAX_AGE",
                        "ALERT_DEDUP_WINDOW");
        for (Method m : TelegramConfig.class.getMethods()) {
            if (m.isAnnotationPresent(Config.class)) {
                assertThat(m.getName()).startsWith("set");
            }
        }
    }

    @Test
    void fullMapping() {
        TelegramConfig c = new TelegramConfig().setGlobalRate(20).setChatRate(2).setRateMargin(Duration.ofMillis(100))
                .setChatMargin(Duration.ofMillis(500)).setRequestTimeout(Duration.ofSeconds(5)).setMaxRetries(5)
                .setRetryBackoff(Duration.ofSeconds(1)).setPollTimeout(Duration.ofSeconds(30))
                .setPollStallAfter(Duration.ofMinutes(5)).setAlertMaxAge(Duration.ofMinutes(3))
                .setAlertDedupWindow(Duration.ofMinutes(30));
        assertThat(c.getGlobalRate()).isEqualTo(20);
        assertThat(c.getChatRate()).isEqualTo(2);
        assertThat(c.getRateMargin()).isEqualTo(Duration.ofMillis(100));
        assertThat(c.getChatMargin()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.getRequestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.getMaxRetries()).isEqualTo(5);
        assertThat(c.getRetryBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.getPollTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.getPollStallAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.getAlertMaxAge()).isEqualTo(Duration.ofMinutes(3));
        assertThat(c.getAlertDedupWindow()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void refusesNonsense() {
        TelegramConfig c = new TelegramConfig();
        assertThatThrownBy(() -> c.setGlobalRate(0)).hasMessageContaining("TELEGRAM_GLOBAL_RATE");
        assertThatThrownBy(() -> c.setMaxRetries(-1)).hasMessageContaining("TELEGRAM_MAX_RETRIES");
        assertThatThrownBy(() -> c.setAlertMaxAge(Duration.ZERO)).hasMessageContaining("ALERT_MAX_AGE");
        assertThatThrownBy(() -> c.setPollTimeout(Duration.ofHours(1))).hasMessageContaining("TELEGRAM_POLL_TIMEOUT");
        assertThatThrownBy(() -> c.setRateMargin(Duration.ofSeconds(2))).hasMessageContaining("TELEGRAM_RATE_MARGIN");
    }
}
