package com.arbalert.bot.questionnaire;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.spi.CommandHandler;
import com.arbalert.bot.spi.CommandReply;
import com.arbalert.bot.spi.CommandRequest;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * /cancel: stops the questionnaire for now: the open question and the ones already waiting in the
 * chat are dropped. Calls the user presses I BET on later are asked about as usual.
 */
public final class CancelCommand implements CommandHandler {
    public static final String NAME = "cancel";

    private final QuestionnaireFlow flow;
    private final QuestionnaireMessages messages;

    @Inject
    public CancelCommand(QuestionnaireFlow flow, QuestionnaireMessages messages) {
        this.flow = requireNonNull(flow, "flow");
        this.messages = requireNonNull(messages, "messages");
    }

    @Override
    public boolean adminOnly() {
        return false;
    }

    @Override
    public String description(Locale locale) {
        return messages.plain(locale, "q.cmd.cancel.description");
    }

    @Override
    public CommandReply handle(CommandRequest request) {
        return CommandReply.text(messages.plain(request.locale(), flow.cancel(request.chatId(), request.userId())));
    }
}
