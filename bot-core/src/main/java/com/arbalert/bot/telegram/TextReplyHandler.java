package com.arbalert.bot.telegram;

/**
 * Gets non-command text messages before the router falls back to the help text (Multibinder);
 * the questionnaire uses it for the profit answer.
 */
public interface TextReplyHandler {

    /** @return true when the text was taken */
    boolean handle(IncomingText text);
}
