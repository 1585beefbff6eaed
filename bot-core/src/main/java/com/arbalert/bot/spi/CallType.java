package com.arbalert.bot.spi;

import java.util.Locale;

/** The three kinds of call a scanner produces; {@link #code()} is the stored and wire form. */
public enum CallType {
    ARBITRAGE("arbitrage"),
    MIDDLE("middle"),
    GOOD_ODDS("good_odds");

    private final String code;

    CallType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static CallType fromCode(String code) {
        if (code != null) {
            String c = code.trim().toLowerCase(Locale.ROOT);
            for (CallType t : values()) {
                if (t.code.equals(c)) {
                    return t;
                }
            }
        }
        throw new IllegalArgumentException("call_type must be one of arbitrage, middle, good_odds, got: " + code);
    }
}
