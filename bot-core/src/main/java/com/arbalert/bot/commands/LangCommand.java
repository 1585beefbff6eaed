package com.arbalert.bot.commands;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.i18n.Texts;
import com.arbalert.bot.spi.CommandHandler;
import com.arbalert.bot.spi.CommandReply;
import com.arbalert.bot.spi.CommandRequest;
import com.arbalert.bot.subscribers.SubscriberRepository;
import jakarta.inject.Inject;
import java.util.Locale;

/** /lang [fr|en]: sets the user's language; without an argument, switches between the two. */
public final class LangCommand implements CommandHandler {
    private final SubscriberRepository subscribers;

    @Inject
    public LangCommand(SubscriberRepository subscribers) {
        this.subscribers = requireNonNull(subscribers, "subscribers");
    }

    @Override
    public boolean adminOnly() {
        return false;
    }

    @Override
    public String description(Locale locale) {
        return BotTexts.get(locale, "command.lang");
    }

    @Override
    public CommandReply handle(CommandRequest request) {
        Locale chosen;
        if (request.args().isEmpty()) {
            chosen = Texts.FRENCH.getLanguage().equals(request.locale().getLanguage()) ? Texts.ENGLISH : Texts.FRENCH;
        } else {
            String arg = request.args().get(0).toLowerCase(Locale.ROOT);
            if (!arg.startsWith("fr") && !arg.startsWith("en")) {
                return CommandReply.text(BotTexts.get(request.locale(), "lang.usage"));
            }
            chosen = Texts.localeFor(arg);
        }
        subscribers.setLanguage(request.userId(), request.chatId(), request.username(), chosen);
        return CommandReply.text(BotTexts.get(chosen, "lang.switched"));
    }
}
