package com.arbalert.calllogger;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.spi.BetClickHook;
import com.arbalert.bot.spi.CallRecord;
import com.arbalert.bot.spi.CallSentHook;
import com.arbalert.bot.spi.InvalidInputException;
import com.arbalert.bot.spi.Outcome;
import com.arbalert.bot.spi.ResultHook;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's hooks, handed to the {@link CallLogger}. The logger refuses bad input with
 * {@link InvalidInputException}; that is caught here, logged and counted
 * ({@code calllogger.hook.refused}, tagged by hook), so bad input never reaches the bot's flows.
 */
public final class CallLogHooks implements CallSentHook, BetClickHook, ResultHook {
    private static final Logger log = LoggerFactory.getLogger(CallLogHooks.class);

    private final CallLogger logger;
    private final Counter refusedCalls;
    private final Counter refusedDeliveries;
    private final Counter refusedClicks;
    private final Counter refusedResults;

    @Inject
    public CallLogHooks(CallLogger logger, MeterRegistry meters) {
        this.logger = requireNonNull(logger, "logger");
        this.refusedCalls = refused(meters, "call_sent");
        this.refusedDeliveries = refused(meters, "call_delivered");
        this.refusedClicks = refused(meters, "bet_click");
        this.refusedResults = refused(meters, "result");
    }

    /** The record carries the bot's call id, which the logger keeps. */
    @Override
    public void broadcastPlanned(CallRecord call, int recipients) {
        try {
            logger.logCall(call);
        } catch (InvalidInputException e) {
            refused(refusedCalls, "call " + (call == null ? "?" : call.callId()), e);
        }
    }

    @Override
    public void broadcastFinished(long callId, int delivered) {
        try {
            logger.recordNotified(callId, delivered);
        } catch (InvalidInputException e) {
            refused(refusedDeliveries, "delivery of call " + callId, e);
        }
    }

    @Override
    public void betClicked(long callId, long userId, Instant at) {
        try {
            logger.recordClick(callId, userId, at);
        } catch (InvalidInputException e) {
            refused(refusedClicks, "click of user " + userId + " on call " + callId, e);
        }
    }

    @Override
    public void resultReported(long callId, long userId, Outcome outcome, BigDecimal profit, Instant at) {
        try {
            logger.recordResult(callId, userId, outcome, profit, at);
        } catch (InvalidInputException e) {
            refused(refusedResults, "result of user " + userId + " on call " + callId, e);
        }
    }

    private static void refused(Counter counter, String what, InvalidInputException e) {
        counter.increment();
        log.warn("Call log refused the {}: {}", what, e.getMessage());
    }

    private static Counter refused(MeterRegistry meters, String hook) {
        return Counter.builder("calllogger.hook.refused").tag("hook", hook)
                .description("Events the call logger refused as invalid, by hook").register(meters);
    }
}
