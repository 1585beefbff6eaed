package com.arbalert.bot.telegram;

/**
 * Makes the callback data of an alert's I BET button. Alert delivery uses it; the I BET flow
 * binds the implementation (signed, so a forged press is refused) and its {@link CallbackHandler}
 * claims the same prefix. The result is at most 64 bytes in UTF-8, Telegram's limit.
 */
public interface BetButtonFactory {

    String betCallbackData(long callId);
}
