package com.arbalert.bot.questionnaire;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.telegram.CallbackHandler;
import com.arbalert.bot.telegram.IncomingCallback;
import jakarta.inject.Inject;

/** The questionnaire's outcome buttons ("q:" callback data). */
public final class QuestionnaireButtonHandler implements CallbackHandler {
    private final QuestionnaireFlow flow;

    @Inject
    public QuestionnaireButtonHandler(QuestionnaireFlow flow) {
        this.flow = requireNonNull(flow, "flow");
    }

    @Override
    public String prefix() {
        return QuestionnaireCallbackData.PREFIX;
    }

    @Override
    public void handle(IncomingCallback callback) {
        flow.onButton(callback);
    }
}
