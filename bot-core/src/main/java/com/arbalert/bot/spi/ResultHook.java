package com.arbalert.bot.spi;

import java.math.BigDecimal;
import java.time.Instant;

/** Called when a user completes the result questionnaire (and again if they correct it). Must be cheap. */
public interface ResultHook {
    void resultReported(long callId, long userId, Outcome outcome, BigDecimal profit, Instant at);
}
