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
        assertThat(c.getMatchLengths()).isEqualTo("soccer=1.5h");
    }

    @Test
    void keysAreTheDocumentedOnes() throws Exception {
        assertThat(Arrays.stream(QuestionnaireConfig.class.getMethods()).map(m -> m.getAnnotation(Config.class))
                .filter(a -> a != null).map(Config::value))
                .containsExactlyInAnyOrder("QUESTIONNAIRE_DELAY", "QUESTIONNAIRE_TIMEOUT", "QUESTIONNAIRE_CHECK_INTERVAL",
                        "QUESTIONNAIRE_RETRY_DELAY", "QUESTIONNAIRE_MATCH_LENGTHS", "QUESTIONNAIRE_MATCH_LENGTH_DEFAULT");
        for (Method m : QuestionnaireConfig.class.getMethods()) {
            if (m.isAnnotationPresent(Config.class)) {
                assertThat(m.getParameterTypes()).containsExactly(String.class);
                // the config binder shows each effective value through the setter's getter
                assertThat(QuestionnaireConfig.class.getMethod("get" + m.getName().substring(3)).getReturnType())
                        .isNotEqualTo(void.class);
            }
        }
    }

    @Test
    void badValuesAreRefusedWithTheKey() {
        assertThatThrownBy(() -> new QuestionnaireConfig().setTimeout("forever")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be a duration such as 90s, 30m, 2.5h or 1d, got: forever");
        assertThatThrownBy(() -> new QuestionnaireConfig().setDelay("0m")).hasMessage("must be positive, got: 0m");
        assertThatThrownBy(() -> new QuestionnaireConfig().setCheckInterval("-1m")).hasMessageContaining("got: -1m");
    }

    @Test
    void durationsAreWrittenBackShortly() {
        assertThat(DurationText.format(Duration.ofHours(48))).isEqualTo("2d");
        assertThat(DurationText.format(Duration.ofMinutes(150))).isEqualTo("150m");
        assertThat(DurationText.format(Duration.ofMillis(50))).isEqualTo("50ms");
    }
}
