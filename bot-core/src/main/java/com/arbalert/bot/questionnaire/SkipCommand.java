package com.arbalert.bot.questionnaire;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.spi.CommandHandler;
import com.arbalert.bot.spi.CommandReply;
import com.arbalert.bot.spi.CommandRequest;
import jakarta.inject.Inject;
import java.util.Locale;

/** /skip: drops the open result question (it is not asked again) and opens the next due one. */
public final class SkipCommand implements CommandHandler {
    public static final String NAME = "skip";

    private final QuestionnaireFlow flow;
    private final QuestionnaireMessages messages;

    @Inject
    public SkipCommand(QuestionnaireFlow flow, QuestionnaireMessages messages) {
        this.flow = requireNonNull(flow, "flow");
        this.messages = requireNonNull(messages, "messages");
    }

    @Override
    public boolean adminOnly() {
        return false;
    }

    @Override
    public String description(Locale locale) {
        return messages.plain(locale, "q.cmd.skip.description");
    }

    @Override
    public CommandReply handle(CommandRequest request) {
        return CommandReply.text(messages.plain(request.locale(), flow.skip(request.chatId(), request.userId())));
    }
}
