package com.arbalert.bot.questionnaire;

import com.arbalert.bot.spi.Outcome;
import java.math.BigDecimal;
import java.time.Instant;

/** One row of {@code questionnaires}: a user's result questionnaire about one call. */
public record Questionnaire(long id, long callId, long userId, long chatId, String language, QuestionnaireState state,
        Instant dueAt, Instant askedAt, int timesAsked, Outcome outcome, BigDecimal profit, Instant finishedAt) {
}
