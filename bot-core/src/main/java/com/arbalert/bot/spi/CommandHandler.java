package com.arbalert.bot.spi;

import java.util.Locale;

/**
 * A bot command, contributed with {@code MapBinder<String, CommandHandler>} keyed by the
 * command name without the slash ("stats"). The core's dispatcher enforces {@link #adminOnly()}.
 */
public interface CommandHandler {

    boolean adminOnly();

    /** The line shown in Telegram's command menu, in the user's language. */
    String description(Locale locale);

    CommandReply handle(CommandRequest request) throws Exception;
}
