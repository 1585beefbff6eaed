package com.arbalert.bot.spi;

import java.time.Instant;

/** Called for every I BET press with a valid signature, the first and any repeat. Must be cheap. */
public interface BetClickHook {
    void betClicked(long callId, long userId, Instant at);
}
