package com.arbalert.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.arbalert.bot.bootstrap.Bootstrap;
import com.arbalert.bot.core.CoreConfig;
import com.arbalert.bot.core.CoreModule;
import com.arbalert.bot.core.TelegramConnectionConfig;
import com.arbalert.bot.db.DatabaseConfig;
import com.arbalert.bot.http.HttpConfig;
import com.google.inject.Injector;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The core keys: their defaults, their checks, and how the effective configuration is logged. */
class CoreConfigTest {

    private static Injector boot(Map<String, String> env) {
        return new Bootstrap(List.of(new CoreModule())).initialize(ConfigSources.environmentOnly(env));
    }

    @Test
    void defaults() {
        Injector injector = boot(Map.of());
        TelegramConnectionConfig telegram = injector.getInstance(TelegramConnectionConfig.class);
        assertThat(telegram.getBotToken()).isEmpty();
        assertThat(telegram.getApiUrl()).isEqualTo(URI.create("https://api.telegram.org"));
        assertThat(telegram.getAdminIds()).isEmpty();
        DatabaseConfig db = injector.getInstance(DatabaseConfig.class);
        assertThat(db.getUrl()).isEmpty();
        assertThat(db.getUser()).isEqualTo("root");
        assertThat(db.getConnectTimeout()).isEqualTo(Duration.ofSeconds(30));
        HttpConfig http = injector.getInstance(HttpConfig.class);
        assertThat(http.getPort()).isEqualTo(8080);
        assertThat(http.getIngestToken()).isEmpty();
        assertThat(http.getMaxBody().bytes()).isEqualTo(64 * 1024);
        CoreConfig core = injector.getInstance(CoreConfig.class);
        assertThat(core.getDataDir()).isEqualTo(Path.of("data"));
        assertThat(core.getNodeId()).isEmpty();
    }

    @Test
    void fullMapping() {
        Injector injector = boot(Map.of(
                "TELEGRAM_BOT_TOKEN", "123:abc",
                "TELEGRAM_API_URL", "http://127.0.0.1:8081/",
                "ADMIN_IDS", "42,43",
                "DB_URL", "jdbc:mariadb://db:3306/bot",
                "HTTP_PORT", "0",
                "NODE_ID", "7",
                "DATA_DIR", "/srv/bot"));
        TelegramConnectionConfig telegram = injector.getInstance(TelegramConnectionConfig.class);
        assertThat(telegram.getBotToken()).contains("123:abc");
        assertThat(telegram.getApiUrl()).isEqualTo(URI.create("http://127.0.0.1:8081"));
        assertThat(telegram.getAdminIds()).containsExactly(42L, 43L);
        assertThat(telegram.isAdmin(43)).isTrue();
        assertThat(injector.getInstance(HttpConfig.class).getPort()).isZero();
        assertThat(injector.getInstance(CoreConfig.class).getNodeId()).hasValue(7);
    }

    @Test
    void aNonNumericAdminIdIsNamed() {
        assertThatThrownBy(() -> boot(Map.of("ADMIN_IDS", "42,bob")))
                .hasMessage("ADMIN_IDS: 'bob' is not a whole number (value '42,bob')");
    }

    @Test
    void aMalformedApiUrlIsRefused() {
        assertThatThrownBy(() -> boot(Map.of("TELEGRAM_API_URL", "api.telegram.org")))
                .hasMessageStartingWith("TELEGRAM_API_URL: must be an absolute http:// or https:// URL");
        assertThatThrownBy(() -> boot(Map.of("TELEGRAM_API_URL", "ftp://host")))
                .hasMessageStartingWith("TELEGRAM_API_URL: must be an absolute http:// or https:// URL");
        assertThatThrownBy(() -> boot(Map.of("TELEGRAM_API_URL", "http://host:81/bot")))
                .hasMessageStartingWith("TELEGRAM_API_URL: must have no path");
        assertThatThrownBy(() -> boot(Map.of("TELEGRAM_API_URL", "http://ho st")))
                .hasMessageStartingWith("TELEGRAM_API_URL: is not a URL");
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        assertThatThrownBy(() -> boot(Map.of("HTTP_PORT", "70000")))
                .hasMessage("HTTP_PORT: must be 1..65535 (or 0 for any free port) (value '70000')");
        assertThatThrownBy(() -> boot(Map.of("HTTP_PORT", "-1"))).hasMessageStartingWith("HTTP_PORT: must be 1..65535");
    }

    @Test
    void effectiveConfigurationIsLoggedOnceWithSecretsMasked() {
        Logger logger = (Logger) LoggerFactory.getLogger(Bootstrap.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            boot(Map.of("TELEGRAM_BOT_TOKEN", "987654:SECRET-TOKEN-VALUE", "DB_PASSWORD", "hunter2-db",
                    "INGEST_TOKEN", "ingest-secret-1", "ADMIN_IDS", "42"));
        } finally {
            logger.detachAppender(appender);
        }
        List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.startsWith("Effective configuration")).toList();
        assertThat(lines).hasSize(1);
        String logged = lines.get(0);
        assertThat(logged)
                .contains("TELEGRAM_BOT_TOKEN=****", "DB_PASSWORD=****", "INGEST_TOKEN=****", "CALLBACK_SECRET=<unset>")
                .contains("ADMIN_IDS=42", "HTTP_PORT=8080", "DB_CONNECT_TIMEOUT=30s", "HTTP_MAX_BODY=64KiB")
                .doesNotContain("SECRET-TOKEN-VALUE", "hunter2", "ingest-secret");
    }
}
