package com.arbalert.bot.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatchLengthsTest {
    private final MatchLengths defaults = new QuestionnaireConfig().matchLengths();

    @ParameterizedTest(name = "{0} lasts {1} minutes")
    @CsvSource({
        "basketball,150", "Basketball,150", "NBA,150", "basketball_nba,150", "Basketball - NBA,150", "WNBA,150",
        "hockey,150", "NHL,150", "icehockey_nhl,150", "Ice Hockey,150",
        "american_football,210", "American Football,210", "american-football,210", "NFL,210", "americanfootball_nfl,210",
        "soccer,120", "football,120", "Football,120", "soccer_epl,120", "MLS,120",
        "baseball,180", "MLB,180", "baseball_mlb,180",
        "tennis,150", "tennis_atp_us_open,150",
        "mma,60", "MMA,60", "UFC,60", "mma_mixed_martial_arts,60", "boxing,60", "boxing_boxing,60",
        "cricket,150", "'',150", "darts,150",
    })
    void knowsSportsLeaguesAndFeedKeys(String sport, long minutes) {
        assertThat(defaults.lengthOf(sport)).isEqualTo(Duration.ofMinutes(minutes));
    }

    @Test
    void aConfiguredTableReplacesTheDefaults() {
        MatchLengths lengths = MatchLengths.parse(" Cricket = 8h , NBA=3h,", Duration.ofHours(1));
        assertThat(lengths.lengthOf("cricket_test_match")).isEqualTo(Duration.ofHours(8));
        assertThat(lengths.lengthOf("basketball")).isEqualTo(Duration.ofHours(3));
        assertThat(lengths.lengthOf("hockey")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void badEntriesAreNamed() {
        assertThatThrownBy(() -> MatchLengths.parse("basketball", Duration.ofHours(1)))
                .hasMessageContaining("sport=duration").hasMessageContaining("basketball");
        assertThatThrownBy(() -> MatchLengths.parse("hockey=long", Duration.ofHours(1)))
                .hasMessage("the length of hockey must be a duration such as 90s, 30m, 2.5h or 1d, got: long");
    }
}
