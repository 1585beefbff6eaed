package com.arbalert.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.arbalert.bot.spi.CallRecord;
import com.arbalert.bot.spi.CallType;
import com.arbalert.bot.spi.FieldError;
import com.arbalert.bot.spi.InvalidInputException;
import com.arbalert.bot.spi.OddsFormat;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallJsonTest {
    private final CallJson json = new CallJson(new ObjectMapper());

    @Test
    void readsEveryFieldExactly() {
        CallRecord c = json.parse("""
                {"call_type": "good_odds", "sport": "Tennis", "team_a": "Nadal", "team_b": "Federer",
                 "match_date": "2026-12-01T20:30:00+01:00", "book_a": "Pinnacle", "market": "Winner",
                 "odds_a": 2.105, "odds_format": "decimal", "roi_percent": 5.1, "stake_a": 100.10,
                 "profit_expected": 10.55}
                """);
        assertThat(c.callType()).isEqualTo(CallType.GOOD_ODDS);
        assertThat(c.matchDate()).isEqualTo(Instant.parse("2026-12-01T19:30:00Z"));
        assertThat(c.oddsFormat()).isEqualTo(OddsFormat.DECIMAL);
        assertThat(c.oddsA()).isEqualByComparingTo(new BigDecimal("2.105"));
        assertThat(c.stakeA()).isEqualByComparingTo(new BigDecimal("100.10"));
        assertThat(c.bookB()).isNull();
        assertThat(c.callId()).isZero();
    }

    @Test
    void duplicateKeysAreRefused() {
        assertThatThrownBy(() -> json.parse("{\"sport\": \"a\", \"sport\": \"b\"}"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("body"));
    }

    @Test
    void missingFieldsAreAllNamed() {
        assertThatThrownBy(() -> json.parse("{}"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).contains("call_type", "sport", "team_a", "team_b", "match_date",
                                "book_a", "market", "odds_a", "roi_percent", "stake_a", "profit_expected"));
    }
}
