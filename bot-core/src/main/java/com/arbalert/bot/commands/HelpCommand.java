package com.arbalert.bot.commands;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.spi.CommandHandler;
import com.arbalert.bot.spi.CommandReply;
import com.arbalert.bot.spi.CommandRequest;
import jakarta.inject.Inject;
import java.util.Locale;

/** /help: what the bot does and the commands this user may use. */
public final class HelpCommand implements CommandHandler {
    private final HelpText help;

    @Inject
    public HelpCommand(HelpText help) {
        this.help = requireNonNull(help, "help");
    }

    @Override
    public boolean adminOnly() {
        return false;
    }

    @Override
    public String description(Locale locale) {
        return BotTexts.get(locale, "command.help");
    }

    @Override
    public CommandReply handle(CommandRequest request) {
        return CommandReply.text(help.render(request.locale(), request.admin()));
    }
}
