package com.arbalert.bot.spi;

import java.util.Locale;

/** How a bet on a call ended, as the user reports it; {@link #code()} is the stored form. */
public enum Outcome {
    A_WON("a_won"),
    B_WON("b_won"),
    PUSH("push"),
    /** A middle that landed between its two lines: both bets won. */
    BOTH_WON("both_won"),
    /** Match cancelled, stakes returned. */
    VOID("void");

    private final String code;

    Outcome(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Outcome fromCode(String code) {
        if (code != null) {
            String c = code.trim().toLowerCase(Locale.ROOT);
            for (Outcome o : values()) {
                if (o.code.equals(c)) {
                    return o;
                }
            }
        }
        throw new IllegalArgumentException("outcome must be one of a_won, b_won, push, both_won, void, got: " + code);
    }
}
