package com.arbalert.bot.spi;

import java.util.List;
import java.util.Locale;

/** A command as the dispatcher hands it over: who asked, in which chat and language, with which arguments. */
public record CommandRequest(long userId, long chatId, String username, Locale locale, List<String> args, boolean admin) {
    public CommandRequest {
        args = List.copyOf(args);
    }
}
