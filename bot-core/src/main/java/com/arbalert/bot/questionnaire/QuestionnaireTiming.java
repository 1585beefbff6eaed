package com.arbalert.bot.questionnaire;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.spi.CallRecord;
import jakarta.inject.Inject;
import java.time.Instant;

/** When to first ask about a call: its match date, plus the sport's usual match length, plus QUESTIONNAIRE_DELAY. */
public final class QuestionnaireTiming {
    private final QuestionnaireConfig config;

    @Inject
    public QuestionnaireTiming(QuestionnaireConfig config) {
        this.config = requireNonNull(config, "config");
    }

    public Instant firstAskAt(CallRecord call) {
        return call.matchDate().plus(config.matchLengths().lengthOf(call.sport())).plus(config.getDelay());
    }
}
