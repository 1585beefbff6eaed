package com.arbalert.bot.questionnaire;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.telegram.IncomingText;
import com.arbalert.bot.telegram.TextReplyHandler;
import jakarta.inject.Inject;

/** Takes the texts of a chat with an open question: the profit answer, or a nudge towards the buttons. */
public final class ProfitReplyHandler implements TextReplyHandler {
    private final QuestionnaireFlow flow;

    @Inject
    public ProfitReplyHandler(QuestionnaireFlow flow) {
        this.flow = requireNonNull(flow, "flow");
    }

    @Override
    public boolean handle(IncomingText text) {
        return flow.onText(text);
    }
}
