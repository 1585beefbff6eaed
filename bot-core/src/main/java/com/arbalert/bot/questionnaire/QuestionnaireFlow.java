package com.arbalert.bot.questionnaire;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.i18n.Texts;
import com.arbalert.bot.spi.CallRecord;
import com.arbalert.bot.telegram.MessageSender;
import com.arbalert.bot.telegram.OutgoingMessage;
import com.arbalert.bot.telegram.PublishedCalls;
import com.arbalert.bot.telegram.SendPriority;
import com.arbalert.bot.telegram.UserLanguages;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The result questionnaire's turn-taking: which question is open in a chat, opening the next due
 * one when a chat is free, expiry, /skip and /cancel. The steps of one question live in
 * {@link QuestionnaireButtonHandler} (outcome) and {@link ProfitReplyHandler} (profit). Everything
 * it knows is in the database, so any instance, before or after a restart, carries on where the
 * last step left off.
 */
public final class QuestionnaireFlow {
    private static final Logger log = LoggerFactory.getLogger(QuestionnaireFlow.class);

    private final QuestionnaireStore store;
    private final PublishedCalls calls;
    private final QuestionnaireMessages messages;
    private final MessageSender sender;
    private final UserLanguages languages;
    private final QuestionnaireConfig config;
    private final Clock clock;
    private final MeterRegistry meters;

    @Inject
    public QuestionnaireFlow(QuestionnaireStore store, PublishedCalls calls, QuestionnaireMessages messages,
            MessageSender sender, UserLanguages languages, QuestionnaireConfig config, Clock clock, MeterRegistry meters) {
        this.store = requireNonNull(store, "store");
        this.calls = requireNonNull(calls, "calls");
        this.messages = requireNonNull(messages, "messages");
        this.sender = requireNonNull(sender, "sender");
        this.languages = requireNonNull(languages, "languages");
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
                callOf(q).ifPresent(call -> send(messages.expired(q.chatId(), call, locale(q)), SendPriority.BACKGROUND));
                openNext(q.chatId(), now);
            }
        }
        return expired;
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
                callOf(q).ifPresent(call -> send(messages.question(q, call, locale(q)), SendPriority.BACKGROUND));
                return true;
            }
            if (store.openIn(chatId).isPresent()) {
                return false; // another instance opened one meanwhile
            }
        }
        return false;
    }

    Optional<CallRecord> callOf(Questionnaire q) {
        Optional<CallRecord> call = calls.find(q.callId());
        if (call.isEmpty()) {
            log.error("Questionnaire {} refers to call {} which is not in published_calls", q.id(), q.callId());
        }
        return call;
    }

    void send(OutgoingMessage message, SendPriority priority) {
        sender.send(message, priority, clock.instant());
    }

    /** bot.questionnaire.steps{step=asked|outcome|done|correction|declined|postponed|skipped|cancelled|expired}. */
    void count(String step) {
        Counter.builder("bot.questionnaire.steps").tag("step", step).register(meters).increment();
    }

    /** The subscriber's language when stored, else the one recorded with the I BET press. */
    Locale locale(Questionnaire q) {
        return languages.languageOf(q.userId()).orElse(Texts.localeFor(q.language()));
    }
}
