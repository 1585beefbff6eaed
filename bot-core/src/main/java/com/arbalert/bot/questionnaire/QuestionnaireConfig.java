package com.arbalert.bot.questionnaire;

import com.arbalert.bot.config.Config;
import com.arbalert.bot.config.ConfigDescription;
import java.time.Duration;

/** When the result questionnaire is asked, and for how long it waits for an answer. */
public class QuestionnaireConfig {
    static final String DEFAULT_MATCH_LENGTHS =
            "basketball=2.5h,hockey=2.5h,american_football=3.5h,soccer=2h,baseball=3h,tennis=2.5h,mma=1h,boxing=1h";

    private Duration delay = Duration.ofMinutes(30);
    private Duration timeout = Duration.ofHours(48);
    private Duration checkInterval = Duration.ofMinutes(1);
    private Duration retryDelay = Duration.ofHours(24);
    private String matchLengthsText = DEFAULT_MATCH_LENGTHS;
    private Duration defaultMatchLength = Duration.ofMinutes(150);
    private MatchLengths matchLengths = MatchLengths.parse(DEFAULT_MATCH_LENGTHS, defaultMatchLength);

    public Duration getDelay() {
        return delay;
    }

    @Config("QUESTIONNAIRE_DELAY")
    @ConfigDescription("How long after the usual end of a match the questionnaire is asked (30m)")
    public QuestionnaireConfig setDelay(String value) {
        this.delay = DurationText.parse(value);
        return this;
    }

    public Duration getTimeout() {
        return timeout;
    }

    @Config("QUESTIONNAIRE_TIMEOUT")
    @ConfigDescription("An unanswered questionnaire is closed after this long (48h)")
    public QuestionnaireConfig setTimeout(String value) {
        this.timeout = DurationText.parse(value);
        return this;
    }

    public Duration getCheckInterval() {
        return checkInterval;
    }

    @Config("QUESTIONNAIRE_CHECK_INTERVAL")
    @ConfigDescription("How often due questionnaires are looked for (1m)")
    public QuestionnaireConfig setCheckInterval(String value) {
        this.checkInterval = DurationText.parse(value);
        return this;
    }

    public Duration getRetryDelay() {
        return retryDelay;
    }

    @Config("QUESTIONNAIRE_RETRY_DELAY")
    @ConfigDescription("After \"Not played yet\", ask again this much later (24h)")
    public QuestionnaireConfig setRetryDelay(String value) {
        this.retryDelay = DurationText.parse(value);
        return this;
    }

    public String getMatchLengths() {
        return matchLengthsText;
    }

    @Config("QUESTIONNAIRE_MATCH_LENGTHS")
    @ConfigDescription("Usual match length per sport, sport=duration separated by commas; leagues (NBA, NHL, NFL,"
            + " MLB, UFC) and feed keys (basketball_nba) map to their sport")
    public QuestionnaireConfig setMatchLengths(String value) {
        this.matchLengths = MatchLengths.parse(value, defaultMatchLength);
        this.matchLengthsText = value;
        return this;
    }

    public Duration getDefaultMatchLength() {
        return defaultMatchLength;
    }

    @Config("QUESTIONNAIRE_MATCH_LENGTH_DEFAULT")
    @ConfigDescription("Match length of a sport not in QUESTIONNAIRE_MATCH_LENGTHS (2.5h)")
    public QuestionnaireConfig setDefaultMatchLength(String value) {
        this.defaultMatchLength = DurationText.parse(value);
        this.matchLengths = MatchLengths.parse(matchLengthsText, defaultMatchLength);
        return this;
    }

    public MatchLengths matchLengths() {
        return matchLengths;
    }
}
