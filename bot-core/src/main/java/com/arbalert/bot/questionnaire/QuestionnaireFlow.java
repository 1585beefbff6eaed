package com.arbalert.bot.questionnaire;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.i18n.Texts;
import com.arbalert.bot.spi.CallRecord;
import com.arbalert.bot.spi.Outcome;
import com.arbalert.bot.spi.ResultHook;
import com.arbalert.bot.telegram.HookCalls;
import com.arbalert.bot.telegram.IncomingCallback;
import com.arbalert.bot.telegram.IncomingText;
import com.arbalert.bot.telegram.MessageSender;
import com.arbalert.bot.telegram.OutgoingMessage;
import com.arbalert.bot.telegram.PublishedCalls;
import com.arbalert.bot.telegram.SendPriority;
import com.arbalert.bot.telegram.UserLanguages;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The result questionnaire's conversation: the outcome question with its buttons, then the
 * profit as a reply, then the {@link ResultHook}s. Everything it knows is in the database, so any
 * instance, before or after a restart, carries on where the last step left off. One question is
 * open per chat; when it ends, the chat's next due questionnaire opens.
 */
public final class QuestionnaireFlow {
    private static final Logger log = LoggerFactory.getLogger(QuestionnaireFlow.class);

    private final QuestionnaireStore store;
    private final PublishedCalls calls;
    private final QuestionnaireMessages messages;
    private final QuestionnaireCallbackData callbackData;
    private final MessageSender sender;
    private final UserLanguages languages;
    private final Set<ResultHook> hooks;
    private final HookCalls hookCalls;
    private final QuestionnaireConfig config;
    private final Clock clock;
    private final MeterRegistry meters;

    @Inject
    public QuestionnaireFlow(QuestionnaireStore store, PublishedCalls calls, QuestionnaireMessages messages,
            QuestionnaireCallbackData callbackData, MessageSender sender, UserLanguages languages,
            Set<ResultHook> hooks, HookCalls hookCalls, QuestionnaireConfig config, Clock clock, MeterRegistry meters) {
        this.store = requireNonNull(store, "store");
        this.calls = requireNonNull(calls, "calls");
        this.messages = requireNonNull(messages, "messages");
        this.callbackData = requireNonNull(callbackData, "callbackData");
        this.sender = requireNonNull(sender, "sender");
        this.languages = requireNonNull(languages, "languages");
        this.hooks = Set.copyOf(hooks);
        this.hookCalls = requireNonNull(hookCalls, "hookCalls");
        this.config = requireNonNull(config, "config");
        this.clock = requireNonNull(clock, "clock");
        this.meters = requireNonNull(meters, "meters");
    }

    /** Opens the first due questionnaire of every chat that has no open question; returns how many opened. */
    public int openDue() {
        Instant now = clock.instant();
        int opened = 0;
        for (long chatId : store.chatsWithDue(now)) {
            if (openNext(chatId, now)) {
                opened++;
            }
        }
        return opened;
    }

    /** Closes questions unanswered for QUESTIONNAIRE_TIMEOUT, with a short note; returns how many. */
    public int expireUnanswered() {
        Instant now = clock.instant();
        int expired = 0;
        for (Questionnaire q : store.askedBefore(now.minus(config.getTimeout()))) {
            if (store.close(q.id(), QuestionnaireState.EXPIRED, now)) {
                expired++;
                count("expired");
                log.info("Questionnaire {} (call {}, user {}) expired unanswered", q.id(), q.callId(), q.userId());
                withCall(q, call -> send(messages.expired(q.chatId(), call, locale(q)), SendPriority.BACKGROUND));
                openNext(q.chatId(), now);
            }
        }
        return expired;
    }

    /** A press on a questionnaire button; always answered. */
    public void onButton(IncomingCallback press) {
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
        Optional<CallRecord> call = calls.find(q.callId());
        if (choice == AnswerChoice.CORRECT && call.isPresent()) {
            return correct(q, call.get(), press);
        }
        if (q.state() != QuestionnaireState.OPEN || call.isEmpty()
                || !AnswerChoice.forCall(call.get().callType()).contains(choice)) {
            return "q.answer.stale";
        }
        Locale locale = locale(q);
        Instant now = clock.instant();
        boolean changed = switch (choice) {
            case NOT_PLAYED -> store.postpone(q.id(), now.plus(config.getRetryDelay()));
            case DIDNT_BET -> store.close(q.id(), QuestionnaireState.DECLINED, now);
            default -> store.chooseOutcome(q.id(), choice.outcome());
        };
        if (!changed) {
            return "q.answer.stale"; // pressed twice, or answered meanwhile on another instance
        }
        count(switch (choice) {
            case NOT_PLAYED -> "postponed";
            case DIDNT_BET -> "declined";
            default -> "outcome";
        });
        if (press.messageId() != null) {
            sender.edit(q.chatId(), press.messageId(), messages.answered(q.chatId(), call.get(), choice, locale));
        }
        switch (choice) {
            case NOT_PLAYED -> {
                send(messages.postponed(q.chatId(), call.get(), config.getRetryDelay(), locale), SendPriority.INTERACTIVE);
                openNext(q.chatId(), now);
            }
            case DIDNT_BET -> {
                send(messages.declined(q.chatId(), call.get(), locale), SendPriority.INTERACTIVE);
                openNext(q.chatId(), now);
            }
            default -> send(messages.profitQuestion(q.chatId(), call.get(), locale), SendPriority.INTERACTIVE);
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
        count("correction");
        Locale locale = locale(q);
        if (press.messageId() != null) {
            sender.edit(q.chatId(), press.messageId(),
                    messages.doneWithoutButton(q.chatId(), call, previous, previousProfit, locale));
        }
        send(messages.question(q, call, locale), SendPriority.INTERACTIVE);
        return "q.answer.noted";
    }

    /** A text in a chat with an open question; false when the chat has none (the text is someone else's). */
    public boolean onText(IncomingText text) {
        Optional<Questionnaire> open = store.openIn(text.chatId()).filter(q -> q.userId() == text.userId());
        if (open.isEmpty()) {
            return false;
        }
        Questionnaire q = open.get();
        Locale locale = locale(q);
        if (q.state() == QuestionnaireState.OPEN) {
            send(messages.useButtons(q.chatId(), locale), SendPriority.INTERACTIVE);
            return true;
        }
        Optional<CallRecord> call = calls.find(q.callId());
        if (call.isEmpty()) {
            return false;
        }
        Optional<BigDecimal> profit = AmountParser.parse(text.text());
        if (profit.isEmpty()) {
            send(messages.profitNotUnderstood(q.chatId(), text.text(), locale), SendPriority.INTERACTIVE);
            return true;
        }
        BigDecimal bound = call.get().totalStake().multiply(CallRecord.PROFIT_STAKE_FACTOR);
        if (profit.get().abs().compareTo(bound) > 0) {
            send(messages.profitOutOfBounds(q.chatId(), bound, locale), SendPriority.INTERACTIVE);
            return true;
        }
        Instant now = clock.instant();
        if (!store.complete(q.id(), profit.get(), now)) {
            return true; // answered meanwhile on another instance: that one confirmed and called the hooks
        }
        count("done");
        Outcome outcome = q.outcome();
        AnswerChoice choice = AnswerChoice.valueOf(outcome.name());
        send(messages.done(q, call.get(), choice, profit.get(), locale), SendPriority.INTERACTIVE);
        log.info("Questionnaire {} done: call {}, user {}, {} {}", q.id(), q.callId(), q.userId(), outcome.code(),
                profit.get().toPlainString());
        for (ResultHook hook : hooks) {
            hookCalls.call("result", hook, () -> hook.resultReported(q.callId(), q.userId(), outcome, profit.get(), now));
        }
        openNext(q.chatId(), now);
        return true;
    }

    /** /skip: the open question is dropped and the chat's next due one opens. Returns the reply key. */
    public String skip(long chatId, long userId) {
        Instant now = clock.instant();
        Optional<Questionnaire> open = store.openIn(chatId).filter(q -> q.userId() == userId);
        if (open.isEmpty() || !store.close(open.get().id(), QuestionnaireState.SKIPPED, now)) {
            return "q.cmd.none";
        }
        count("skipped");
        openNext(chatId, now);
        return "q.cmd.skip.done";
    }

    /** /cancel: the open question and those already due in the chat are dropped; later ones still come. */
    public String cancel(long chatId, long userId) {
        Instant now = clock.instant();
        Optional<Questionnaire> open = store.openIn(chatId).filter(q -> q.userId() == userId);
        if (open.isEmpty() || !store.close(open.get().id(), QuestionnaireState.CANCELLED, now)) {
            return "q.cmd.none";
        }
        count("cancelled");
        int dropped = store.cancelDue(chatId, now);
        log.info("User {} cancelled questionnaire {} and {} due after it", userId, open.get().id(), dropped);
        return "q.cmd.cancel.done";
    }

    /** Opens the chat's earliest due questionnaire unless a question is open there already. */
    boolean openNext(long chatId, Instant now) {
        if (store.openIn(chatId).isPresent()) {
            return false;
        }
        for (Questionnaire q : store.dueIn(chatId, now)) {
            if (store.open(q.id(), now)) {
                count("asked");
                withCall(q, call -> send(messages.question(q, call, locale(q)), SendPriority.BACKGROUND));
                return true;
            }
            if (store.openIn(chatId).isPresent()) {
                return false; // another instance opened one meanwhile
            }
        }
        return false;
    }

    private void withCall(Questionnaire q, java.util.function.Consumer<CallRecord> action) {
        Optional<CallRecord> call = calls.find(q.callId());
        if (call.isPresent()) {
            action.accept(call.get());
        } else {
            log.error("Questionnaire {} refers to call {} which is not in published_calls", q.id(), q.callId());
        }
    }

    private void send(OutgoingMessage message, SendPriority priority) {
        sender.send(message, priority, clock.instant());
    }

    /** bot.questionnaire.steps{step=asked|outcome|done|correction|declined|postponed|skipped|cancelled|expired}. */
    private void count(String step) {
        Counter.builder("bot.questionnaire.steps").tag("step", step).register(meters).increment();
    }

    private Locale locale(Questionnaire q) {
        return languages.languageOf(q.userId()).orElse(Texts.localeFor(q.language()));
    }
}
