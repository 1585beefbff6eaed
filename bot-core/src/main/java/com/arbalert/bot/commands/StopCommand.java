package com.arbalert.bot.commands;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.spi.CommandHandler;
import com.arbalert.bot.spi.CommandReply;
import com.arbalert.bot.spi.CommandRequest;
import com.arbalert.bot.subscribers.SubscriberRepository;
import jakarta.inject.Inject;
import java.util.Locale;

/** /stop: no more alerts for this user. */
public final class StopCommand implements CommandHandler {
    private final SubscriberRepository subscribers;

    @Inject
    public StopCommand(SubscriberRepository subscribers) {
        this.subscribers = requireNonNull(subscribers, "subscribers");
    }

    @Override
    public boolean adminOnly() {
        return false;
    }

    @Override
    public String description(Locale locale) {
        return BotTexts.get(locale, "command.stop");
    }

    @Override
    public CommandReply handle(CommandRequest request) {
        boolean was = subscribers.unsubscribe(request.userId());
        return CommandReply.text(BotTexts.get(request.locale(), was ? "stop.done" : "stop.notSubscribed"));
    }
}
