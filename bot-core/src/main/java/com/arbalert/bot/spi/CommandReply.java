package com.arbalert.bot.spi;

import static java.util.Objects.requireNonNull;

/**
 * Plain text (the core escapes it for the parse mode it uses); {@code monospace} asks for a
 * fixed-width block, for tables read on a phone.
 */
public record CommandReply(String text, boolean monospace) {
    public CommandReply {
        requireNonNull(text, "text");
    }

    public static CommandReply text(String text) {
        return new CommandReply(text, false);
    }

    public static CommandReply monospace(String text) {
        return new CommandReply(text, true);
    }
}
