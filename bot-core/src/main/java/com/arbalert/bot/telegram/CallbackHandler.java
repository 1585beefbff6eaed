package com.arbalert.bot.telegram;

/**
 * Handles inline-button presses whose callback data starts with {@link #prefix()}
 * (Multibinder). The router answers presses nobody claims.
 */
public interface CallbackHandler {

    /** A short prefix such as "b:" (I BET) or "q:" (questionnaire). */
    String prefix();

    void handle(IncomingCallback callback);
}
