package com.arbalert.calllogger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.arbalert.bot.spi.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsArgumentsTest {

    @Test
    void aPeriodInHoursDaysOrWeeksAndAnOptionalSport() {
        assertThat(StatsArguments.parse(List.of())).isEqualTo(new StatsArguments("30d", Duration.ofDays(30), null));
        assertThat(StatsArguments.parse(List.of("24h"))).isEqualTo(new StatsArguments("24h", Duration.ofHours(24), null));
        assertThat(StatsArguments.parse(List.of("7D", "NBA"))).isEqualTo(new StatsArguments("7d", Duration.ofDays(7), "NBA"));
        assertThat(StatsArguments.parse(List.of("2w"))).isEqualTo(new StatsArguments("2w", Duration.ofDays(14), null));
        assertThat(StatsArguments.parse(List.of("Ice", "Hockey")).sport()).isEqualTo("Ice Hockey");
        assertThat(StatsArguments.parse(List.of("Ice", "Hockey")).period()).isEqualTo("30d");
        assertThat(StatsArguments.of(null, " ")).isEqualTo(new StatsArguments("30d", Duration.ofDays(30), null));
    }

    @Test
    void badPeriodsAndSportsAreRefusedByName() {
        for (String bad : List.of("7", "7x", "0d", "3651d", "522w", "1.5d", "-1d", "99999999d")) {
            assertThatThrownBy(() -> StatsArguments.of(bad, null)).as(bad).isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("period: ");
        }
        assertThatThrownBy(() -> StatsArguments.parse(List.of("7dd"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> StatsArguments.of("7d", "x".repeat(65))).hasMessageStartingWith("sport: ");
        assertThatThrownBy(() -> StatsArguments.of("7d", "a\u0000b")).hasMessageStartingWith("sport: ");
    }

    @Test
    void thePeriodEndsNow() {
        Instant now = Instant.parse("2026-11-20T12:00:00Z");
        StatsPeriod p = StatsArguments.of("24h", "NBA").periodEndingAt(now);
        assertThat(p).isEqualTo(new StatsPeriod(Instant.parse("2026-11-19T12:00:00Z"), now, "NBA"));
    }
}
