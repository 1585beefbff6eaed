package com.arbalert.bot.questionnaire;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.i18n.Texts;
import com.arbalert.bot.spi.CallRecord;
import com.arbalert.bot.spi.Outcome;
import com.arbalert.bot.telegram.CallbackHandler;
import com.arbalert.bot.telegram.IncomingCallback;
import com.arbalert.bot.telegram.MessageSender;
import com.arbalert.bot.telegram.SendPriority;
import com.arbalert.bot.telegram.UserLanguages;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The questionnaire's buttons ("q:" callback data): an outcome (then the profit question), "Not
 * played yet", "I didn't bet", and "Correct my answer". Every press is answered; a forged one or
 * one on another user's questionnaire is refused with a WARN line, a stale one gets a short note.
 */
public final class QuestionnaireButtonHandler implements CallbackHandler {
    private static final Logger log = LoggerFactory.getLogger(QuestionnaireButtonHandler.class);

    private final QuestionnaireFlow flow;
    private final QuestionnaireStore store;
    private final QuestionnaireCallbackData callbackData;
    private final QuestionnaireMessages messages;
    private final MessageSender sender;
    private final UserLanguages languages;
    private final QuestionnaireConfig config;
    private final Clock clock;

    @Inject
    public QuestionnaireButtonHandler(QuestionnaireFlow flow, QuestionnaireStore store,
            QuestionnaireCallbackData callbackData, QuestionnaireMessages messages, MessageSender sender,
            UserLanguages languages, QuestionnaireConfig config, Clock clock) {
        this.flow = requireNonNull(flow, "flow");
        this.store = requireNonNull(store, "store");
        this.callbackData = requireNonNull(callbackData, "callbackData");
        this.messages = requireNonNull(messages, "messages");
        this.sender = requireNonNull(sender, "sender");
        this.languages = requireNonNull(languages, "languages");
        this.config = requireNonNull(config, "config");
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public String prefix() {
        return QuestionnaireCallbackData.PREFIX;
    }

    @Override
    public void handle(IncomingCallback press) {
        Locale locale = Texts.localeFor(press.languageCode());
        String answerKey = "q.answer.error";
        try {
            locale = languages.languageOf(press.userId()).orElse(locale);
            answerKey = decide(press);
        } catch (RuntimeException e) {
            log.error("Questionnaire button of user {} failed; answered with an error", press.userId(), e);
        } finally {
            sender.answerCallback(press.callbackQueryId(), messages.plain(locale, answerKey));
        }
    }

    private String decide(IncomingCallback press) {
        Optional<QuestionnaireCallbackData.Press> read = callbackData.read(press.data());
        if (read.isEmpty()) {
            log.warn("Refused a questionnaire button from user {}: forged or garbled callback data", press.userId());
            return "q.answer.invalid";
        }
        Optional<Questionnaire> found = store.find(read.get().questionnaireId());
        if (found.isEmpty() || found.get().userId() != press.userId()) {
            log.warn("Refused a questionnaire button from user {}: questionnaire {} is not theirs", press.userId(),
                    read.get().questionnaireId());
            return "q.answer.invalid";
        }
        Questionnaire q = found.get();
        AnswerChoice choice = read.get().choice();
        Optional<CallRecord> call = flow.callOf(q);
        if (call.isEmpty()) {
            return "q.answer.stale";
        }
        if (choice == AnswerChoice.CORRECT) {
            return correct(q, call.get(), press);
        }
        if (q.state() != QuestionnaireState.OPEN || !AnswerChoice.forCall(call.get().callType()).contains(choice)) {
            return "q.answer.stale";
        }
        Instant now = clock.instant();
        boolean changed = switch (choice) {
            case NOT_PLAYED -> store.postpone(q.id(), now.plus(config.getRetryDelay()));
            case DIDNT_BET -> store.close(q.id(), QuestionnaireState.DECLINED, now);
            default -> store.chooseOutcome(q.id(), choice.outcome());
        };
        if (!changed) {
            return "q.answer.stale"; // pressed twice, or answered meanwhile on another instance
        }
        Locale locale = flow.locale(q);
        if (press.messageId() != null) {
            sender.edit(q.chatId(), press.messageId(), messages.answered(q.chatId(), call.get(), choice, locale));
        }
        switch (choice) {
            case NOT_PLAYED -> {
                flow.count("postponed");
                flow.send(messages.postponed(q.chatId(), call.get(), config.getRetryDelay(), locale),
                        SendPriority.INTERACTIVE);
                flow.openNext(q.chatId(), now);
            }
            case DIDNT_BET -> {
                flow.count("declined");
                flow.send(messages.declined(q.chatId(), call.get(), locale), SendPriority.INTERACTIVE);
                flow.openNext(q.chatId(), now);
            }
            default -> {
                flow.count("outcome");
                flow.send(messages.profitQuestion(q.chatId(), call.get(), locale), SendPriority.INTERACTIVE);
            }
        }
        return "q.answer.noted";
    }

    /**
     * Reopens a done questionnaire, within QUESTIONNAIRE_TIMEOUT of its answer, when the chat has
     * no other open question; the new answer reaches the ResultHooks again.
     */
    private String correct(Questionnaire q, CallRecord call, IncomingCallback press) {
        Instant now = clock.instant();
        if (q.state() != QuestionnaireState.DONE || q.finishedAt().plus(config.getTimeout()).isBefore(now)) {
            return "q.answer.stale";
        }
        Outcome previous = q.outcome();
        BigDecimal previousProfit = q.profit();
        if (!store.reopen(q.id(), now)) {
            return store.openIn(q.chatId()).isPresent() ? "q.answer.busy" : "q.answer.stale";
        }
        flow.count("correction");
        Locale locale = flow.locale(q);
        if (press.messageId() != null) {
            sender.edit(q.chatId(), press.messageId(),
                    messages.doneWithoutButton(q.chatId(), call, previous, previousProfit, locale));
        }
        flow.send(messages.question(q, call, locale), SendPriority.INTERACTIVE);
        return "q.answer.noted";
    }
}
