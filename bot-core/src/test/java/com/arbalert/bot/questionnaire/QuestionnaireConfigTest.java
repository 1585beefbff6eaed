package com.arbalert.bot.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.arbalert.bot.config.Config;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class QuestionnaireConfigTest {

    @Test
    void defaults() {
        QuestionnaireConfig c = new QuestionnaireConfig();
        assertThat(c.getDelay()).isEqualTo(Duration.ofMinutes(30));
        assertThat(c.getTimeout()).isEqualTo(Duration.ofHours(48));
        assertThat(c.getCheckInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.getRetryDelay()).isEqualTo(Duration.ofHours(24));
        assertThat(c.getDefaultMatchLength()).isEqualTo(Duration.ofMinutes(150));
        assertThat(c.matchLengths().table()).containsOnlyKeys("basketball", "hockey", "american_football", "soccer",
                "baseball", "tennis", "mma", "boxing");
    }

    @Test
    void fullMapping() {
        QuestionnaireConfig c = new QuestionnaireConfig()
                .setDelay("45m").setTimeout("3d").setCheckInterval("30s").setRetryDelay("12h")
                .setMatchLengths("soccer=1.5h").setDefaultMatchLength("4h");
        assertThat(c.getDelay()).isEqualTo(Duration.ofMinutes(45));
        assertThat(c.getTimeout()).isEqualTo(Duration.ofDays(3));
        assertThat(c.getCheckInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.getRetryDelay()).isEqualTo(Duration.ofHours(12));
        assertThat(c.matchLengths().lengthOf("football")).isEqualTo(Duration.ofMinutes(90));
        assertThat(c.matchLengths().lengthOf("basketball")).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void keysAreTheDocumentedOnes() {
        assertThat(Arrays.stream(QuestionnaireConfig.class.getMethods()).map(m -> m.getAnnotation(Config.class))
                .filter(a -> a != null).map(Config::value))
                .containsExactlyInAnyOrder("QUESTIONNAIRE_DELAY", "QUESTIONNAIRE_TIMEOUT", "QUESTIONNAIRE_CHECK_INTERVAL",
                        "QUESTIONNAIRE_RETRY_DELAY", "QUESTIONNAIRE_MATCH_LENGTHS", "QUESTIONNAIRE_MATCH_LENGTH_DEFAULT");
        for (Method m : QuestionnaireConfig.class.getMethods()) {
            if (m.isAnnotationPresent(Config.class)) {
                assertThat(m.getParameterTypes()).containsExactly(String.class);
            }
        }
    }

    @Test
    void badValuesAreRefusedWithTheKey() {
        assertThatThrownBy(() -> new QuestionnaireConfig().setTimeout("forever"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("QUESTIONNAIRE_TIMEOUT");
        assertThatThrownBy(() -> new QuestionnaireConfig().setDelay("0m"))
                .hasMessageContaining("QUESTIONNAIRE_DELAY must be positive");
        assertThatThrownBy(() -> new QuestionnaireConfig().setCheckInterval("-1m"))
                .hasMessageContaining("QUESTIONNAIRE_CHECK_INTERVAL");
    }

    @Test
    void durationsAreWrittenBackShortly() {
        assertThat(DurationText.format(Duration.ofHours(48))).isEqualTo("2d");
        assertThat(DurationText.format(Duration.ofMinutes(150))).isEqualTo("150m");
        assertThat(DurationText.format(Duration.ofMillis(50))).isEqualTo("50ms");
    }
}
