package com.arbalert.bot.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogMaskingTest {

    @Test
    void botTokensInUrlsAreMasked() {
        assertThat(LogMasking.mask("POST https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage failed"))
                .isEqualTo("POST https://api.telegram.org/bot****/sendMessage failed");
        assertThat(LogMasking.mask("call 42 sent at 12:30:00")).isEqualTo("call 42 sent at 12:30:00");
    }

    @Test
    void configuredSecretsAreMaskedWhereverTheyAppear() {
        LogMasking.addSecret("ingest-token-for-masking-test");
        assertThat(LogMasking.mask("Authorization: Bearer ingest-token-for-masking-test rejected"))
                .isEqualTo("Authorization: Bearer **** rejected");
    }

    @Test
    void theLayoutMasksMessagesAndStackTraces() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("maskedMsg", MaskedMessageConverter::new);
        layout.getInstanceConverterMap().put("maskedEx", MaskedThrowableConverter::new);
        layout.setPattern("%maskedMsg%n%maskedEx");
        layout.start();
        ch.qos.logback.classic.Logger logger = context.getLogger("test");
        Exception failure = new IllegalStateException("GET /bot987654321:ZZHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/getUpdates: timeout");
        LoggingEvent event = new LoggingEvent("test", logger, Level.WARN,
                "polling https://api.telegram.org/bot987654321:ZZHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/getUpdates", failure, null);
        String line = layout.doLayout(event);
        assertThat(line).contains("polling https://api.telegram.org/bot****/getUpdates", "GET /bot****/getUpdates: timeout")
                .doesNotContain("ZZHdqTcv");
    }
}
