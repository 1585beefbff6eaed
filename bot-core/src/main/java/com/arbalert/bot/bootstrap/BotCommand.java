package com.arbalert.bot.bootstrap;

/**
 * A subcommand of {@code ./bot}. The built-in ones are {@code run} and {@code migrate}; more
 * (such as {@code demo}) are listed in {@code META-INF/services/com.arbalert.bot.bootstrap.BotCommand}.
 */
public interface BotCommand {

    String name();

    /** One line for {@code ./bot --help}. */
    String summary();

    /** @return the process exit code; {@link Launch#CONFIG_ERROR} for configuration problems */
    int run(Launch launch) throws Exception;
}
