package com.arbalert.bot.commands;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.spi.CommandHandler;
import com.arbalert.bot.spi.CommandReply;
import com.arbalert.bot.spi.CommandRequest;
import com.arbalert.bot.subscribers.SubscriberRepository;
import jakarta.inject.Inject;
import java.util.Locale;

/** /start: subscribes the user to alerts. */
public final class StartCommand implements CommandHandler {
    private final SubscriberRepository subscribers;

    @Inject
    public StartCommand(SubscriberRepository subscribers) {
        this.subscribers = requireNonNull(subscribers, "subscribers");
    }

    @Override
    public boolean adminOnly() {
        return false;
    }

    @Override
    public String description(Locale locale) {
        return BotTexts.get(locale, "command.start");
    }

    @Override
    public CommandReply handle(CommandRequest request) {
        boolean isNew = subscribers.subscribe(request.userId(), request.chatId(), request.username(), request.locale());
        return CommandReply.text(BotTexts.get(request.locale(), isNew ? "start.welcome" : "start.already"));
    }
}
