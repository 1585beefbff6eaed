package com.arbalert.bot.questionnaire;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.spi.CallRecord;
import com.arbalert.bot.spi.Outcome;
import com.arbalert.bot.spi.ResultHook;
import com.arbalert.bot.telegram.HookCalls;
import com.arbalert.bot.telegram.IncomingText;
import com.arbalert.bot.telegram.SendPriority;
import com.arbalert.bot.telegram.TextReplyHandler;
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
 * Takes the texts of a chat with an open question: the profit answer (refused with a hint when
 * unreadable, with the bounds when absurd), then the confirmation and the {@link ResultHook}s;
 * before the outcome is chosen, a nudge towards the buttons. A chat without an open question is
 * left to the other handlers.
 */
public final class ProfitReplyHandler implements TextReplyHandler {
    private static final Logger log = LoggerFactory.getLogger(ProfitReplyHandler.class);

    private final QuestionnaireFlow flow;
    private final QuestionnaireStore store;
    private final QuestionnaireMessages messages;
    private final Set<ResultHook> hooks;
    private final HookCalls hookCalls;
    private final Clock clock;

    @Inject
    public ProfitReplyHandler(QuestionnaireFlow flow, QuestionnaireStore store, QuestionnaireMessages messages,
            Set<ResultHook> hooks, HookCalls hookCalls, Clock clock) {
        this.flow = requireNonNull(flow, "flow");
        this.store = requireNonNull(store, "store");
        this.messages = requireNonNull(messages, "messages");
        this.hooks = Set.copyOf(hooks);
        this.hookCalls = requireNonNull(hookCalls, "hookCalls");
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public boolean handle(IncomingText text) {
        Optional<Questionnaire> open = store.openIn(text.chatId()).filter(q -> q.userId() == text.userId());
        if (open.isEmpty()) {
            return false;
        }
        Questionnaire q = open.get();
        Locale locale = flow.locale(q);
        if (q.state() == QuestionnaireState.OPEN) {
            flow.send(messages.useButtons(q.chatId(), locale), SendPriority.INTERACTIVE);
            return true;
        }
        Optional<CallRecord> call = flow.callOf(q);
        if (call.isEmpty()) {
            return false;
        }
        Optional<BigDecimal> profit = AmountParser.parse(text.text());
        if (profit.isEmpty()) {
            flow.send(messages.profitNotUnderstood(q.chatId(), text.text(), locale), SendPriority.INTERACTIVE);
            return true;
        }
        BigDecimal bound = call.get().totalStake().multiply(CallRecord.PROFIT_STAKE_FACTOR);
        if (profit.get().abs().compareTo(bound) > 0) {
            flow.send(messages.profitOutOfBounds(q.chatId(), bound, locale), SendPriority.INTERACTIVE);
            return true;
        }
        Instant now = clock.instant();
        if (!store.complete(q.id(), profit.get(), now)) {
            return true; // answered meanwhile on another instance: that one confirmed and called the hooks
        }
        flow.count("done");
        Outcome outcome = q.outcome();
        flow.send(messages.done(q, call.get(), AnswerChoice.valueOf(outcome.name()), profit.get(), locale),
                SendPriority.INTERACTIVE);
        log.info("Questionnaire {} done: call {}, user {}, {} {}", q.id(), q.callId(), q.userId(), outcome.code(),
                profit.get().toPlainString());
        for (ResultHook hook : hooks) {
            hookCalls.call("result", hook, () -> hook.resultReported(q.callId(), q.userId(), outcome, profit.get(), now));
        }
        flow.openNext(q.chatId(), now);
        return true;
    }
}
