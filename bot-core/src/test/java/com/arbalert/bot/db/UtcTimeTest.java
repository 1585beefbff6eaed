package com.arbalert.bot.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UtcTimeTest {
    @Test
    void givesTheSameWallClockTimeAsOfInstant() {
        for (String at : new String[] {"1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z",
                "2026-03-01T12:00:05.123456789Z", "2026-10-25T01:30:00Z", "9999-12-31T23:59:59.999Z"}) {
            Instant instant = Instant.parse(at);
            assertThat(UtcTime.of(instant)).as(at).isEqualTo(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }
}
