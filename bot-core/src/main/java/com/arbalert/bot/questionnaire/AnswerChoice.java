package com.arbalert.bot.questionnaire;

import com.arbalert.bot.spi.CallType;
import com.arbalert.bot.spi.Outcome;
import java.util.List;
import java.util.Optional;

/**
 * The buttons of the outcome question, each with a one-letter code for the callback data. For a
 * one-book good-odds call, "Won" is {@link Outcome#A_WON} (the bet on book A won) and "Lost" is
 * {@link Outcome#B_WON} (the other side won).
 */
public enum AnswerChoice {
    A_WON('a', Outcome.A_WON),
    B_WON('b', Outcome.B_WON),
    BOTH_WON('w', Outcome.BOTH_WON),
    PUSH('p', Outcome.PUSH),
    VOID('v', Outcome.VOID),
    NOT_PLAYED('n', null),
    DIDNT_BET('x', null),
    /** Under the confirmation: reopens a finished questionnaire to answer it again. */
    CORRECT('c', null);

    private final char code;
    private final Outcome outcome;

    AnswerChoice(char code, Outcome outcome) {
        this.code = code;
        this.outcome = outcome;
    }

    public char code() {
        return code;
    }

    /** Null for "Not played yet", "I didn't bet" and "Correct". */
    public Outcome outcome() {
        return outcome;
    }

    /** The choices that fit a call, in the order shown. */
    public static List<AnswerChoice> forCall(CallType type) {
        return type == CallType.MIDDLE
                ? List.of(A_WON, B_WON, BOTH_WON, PUSH, VOID, NOT_PLAYED, DIDNT_BET)
                : List.of(A_WON, B_WON, PUSH, VOID, NOT_PLAYED, DIDNT_BET);
    }

    public static Optional<AnswerChoice> fromCode(String code) {
        if (code.length() == 1) {
            for (AnswerChoice c : values()) {
                if (c.code == code.charAt(0)) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }
}
