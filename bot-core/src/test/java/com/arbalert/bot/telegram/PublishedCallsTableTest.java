package com.arbalert.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.arbalert.bot.questionnaire.FlowsFixture;
import com.arbalert.bot.spi.CallRecord;
import com.arbalert.bot.spi.CallType;
import com.arbalert.bot.spi.OddsFormat;
import com.arbalert.bot.testing.CoreSchema;
import com.arbalert.bot.testing.MutableClock;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PublishedCallsTableTest {
    private static HikariDataSource dataSource;
    private final PublishedCallsTable table = new PublishedCallsTable(dataSource, new MutableClock(FlowsFixture.START));

    @BeforeAll
    static void database() {
        dataSource = CoreSchema.migrated("published_calls");
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void aCallComesBackAsItWasRemembered() {
        CallRecord call = FlowsFixture.arbitrage(Long.MAX_VALUE).teamA("<Lakers & Co> é⚽")
                .matchDate(Instant.parse("2026-12-31T23:59:59.123Z")).sentAt(Instant.parse("2026-11-20T18:00:01Z"))
                .build();
        table.remember(call);
        // decimals come back at the column's scale: equal in value, as BigDecimal.compareTo sees it
        assertThat(table.find(Long.MAX_VALUE)).get().usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(call);
        assertThat(table.find(12345)).isEmpty();
    }

    @Test
    void aOneBookDecimalCallComesBackToo() {
        CallRecord call = CallRecord.builder().callId(77).callType(CallType.GOOD_ODDS).sport("tennis").teamA("A")
                .teamB("B").matchDate(FlowsFixture.START).bookA("Pinnacle").market("h2h").oddsFormat(OddsFormat.DECIMAL)
                .oddsA("2.125").roiPercent(4.2).stakeA(new BigDecimal("50")).profitExpected(new BigDecimal("56.25"))
                .build();
        table.remember(call);
        CallRecord back = table.find(77).orElseThrow();
        assertThat(back.bookB()).isNull();
        assertThat(back.oddsA()).isEqualByComparingTo("2.125");
        assertThat(back.callType()).isEqualTo(CallType.GOOD_ODDS);
    }

    @Test
    void rememberingAgainRefreshesTheDeliveryCount() {
        CallRecord call = FlowsFixture.arbitrage(78).build();
        table.remember(call);
        table.remember(call.withSent(Instant.parse("2026-11-20T18:05:00Z"), 120));
        assertThat(table.find(78).orElseThrow().usersNotified()).isEqualTo(120);
    }

    @Test
    void aCallWithoutItsIdIsRefused() {
        assertThatThrownBy(() -> table.remember(FlowsFixture.arbitrage(0).build())).hasMessageContaining("call id");
    }

    @Test
    void theSubscribersLanguageIsReadWhenKnown() throws Exception {
        SubscriberLanguages languages = new SubscriberLanguages(dataSource);
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO subscribers (user_id, chat_id, username, language, active, updated_at)"
                    + " VALUES (1, 1, 'a', 'fr', TRUE, NOW(3)), (2, 2, 'b', 'en', FALSE, NOW(3))");
        }
        assertThat(languages.languageOf(1)).hasValue(Locale.FRENCH);
        assertThat(languages.languageOf(2)).hasValue(Locale.ENGLISH);
        assertThat(languages.languageOf(4)).isEmpty();

        // the language only picks the wording: a database failure falls back to Telegram's language_code
        HikariDataSource closed = new HikariDataSource();
        closed.setJdbcUrl(dataSource.getJdbcUrl());
        closed.close();
        assertThat(new SubscriberLanguages(closed).languageOf(1)).isEmpty();
    }
}
