package com.arbalert.bot.spi;

/** One bad field of an input, by its wire name ({@code team_a}), and what is wrong with it. */
public record FieldError(String field, String message) {
    @Override
    public String toString() {
        return field + ": " + message;
    }
}
