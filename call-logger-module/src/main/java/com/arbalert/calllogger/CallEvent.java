package com.arbalert.calllogger;

import com.arbalert.bot.spi.CallRecord;
import com.arbalert.bot.spi.Outcome;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One accepted, already validated fact about a call, as it travels through the queue and the
 * journal. Every event names its call, so the writer can keep a call's events in order.
 */
sealed interface CallEvent {

    long callId();

    /** The call itself; {@code callId} wins over {@code call.callId()}, which may be 0. */
    record Logged(long callId, CallRecord call) implements CallEvent {
    }

    /** The number of recipients the broadcast actually reached. */
    record Delivered(long callId, int delivered) implements CallEvent {
    }

    record Clicked(long callId, long userId, Instant at) implements CallEvent {
    }

    /**
     * A questionnaire answer. {@code checked} is false when the call's stakes were not in memory
     * at the call, so the writer checks the profit bound against the stored stakes.
     */
    record Reported(long callId, long userId, Outcome outcome, BigDecimal profit, Instant at, boolean checked)
            implements CallEvent {
    }

    /** Closing odds in the call's odds format. */
    record ClosingOdds(long callId, BigDecimal closingA, BigDecimal closingB) implements CallEvent {
    }
}
