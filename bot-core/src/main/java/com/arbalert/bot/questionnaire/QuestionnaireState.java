package com.arbalert.bot.questionnaire;

import java.util.Locale;

/** Where a questionnaire stands; the stored form is the lower-case name. */
public enum QuestionnaireState {
    /** Not asked yet, or asked to ask again later: waits for due_at and for the chat to be free. */
    WAITING,
    /** The outcome question is on screen. */
    OPEN,
    /** The outcome is known; the profit question is on screen. */
    AWAITING_PROFIT,
    DONE,
    /** "I didn't bet". */
    DECLINED,
    SKIPPED,
    CANCELLED,
    EXPIRED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static QuestionnaireState fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
