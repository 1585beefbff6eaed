package com.arbalert.bot.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.arbalert.bot.config.ConfigException;
import com.arbalert.bot.spi.CallIds;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The harness others' end-to-end tests boot the bot with. */
class TestBotTest {

    @Test
    void bootsTheRealBotOnAFreshSchemaWithOverridesAndStopsIt() throws Exception {
        Clock fixed = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
        TestBot bot = TestBot.builder().withoutPlugins().override(b -> b.bind(Clock.class).toInstance(fixed)).start();
        try {
            assertThat(bot.httpPort()).isPositive();
            assertThat(bot.get(Clock.class)).isSameAs(fixed);
            assertThat(bot.get(CallIds.class).next()).isPositive();
            try (Connection c = bot.get(DataSource.class).getConnection(); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT DATABASE()")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(bot.schema().name());
            }
        } finally {
            bot.close();
        }
        assertThat(bot.httpPort()).isEqualTo(-1);
        assertThatThrownBy(() -> bot.get(CallIds.class).next()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUnknownKeyIsRefusedSoATypoInATestIsNotSilent() {
        assertThatThrownBy(() -> TestBot.builder().withoutPlugins().config("HTTP_PROT", "1").injector())
                .isInstanceOf(ConfigException.class).hasMessageContaining("HTTP_PROT");
    }
}
