package com.arbalert.bot.telegram;

/** Replies to a person go before alerts; within alerts, newer calls go before older ones. */
public enum SendPriority {
    /** An answer to something a user just did (command reply, questionnaire step). */
    INTERACTIVE,
    /** A broadcast alert. */
    ALERT,
    /** Questionnaire prompts and other things that can wait a little. */
    BACKGROUND
}
