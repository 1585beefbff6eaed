package com.arbalert.bot.telegram;

import com.arbalert.bot.spi.CallRecord;
import java.util.Optional;

/**
 * The calls the bot has published, kept in the database so that an I BET press and the result
 * questionnaire can find a call's teams, books, odds and stakes after a restart or on another
 * instance. The alert publisher calls {@link #remember} before the alert's button can be pressed.
 */
public interface PublishedCalls {

    /** Stores (or refreshes) a call; {@code call.callId()} must be set. */
    void remember(CallRecord call);

    Optional<CallRecord> find(long callId);
}
