package com.arbalert.bot.bet;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.spi.CallRecord;
import com.arbalert.bot.spi.CallSentHook;
import com.arbalert.bot.telegram.PublishedCalls;
import jakarta.inject.Inject;

/**
 * Keeps every published call in {@link PublishedCalls} so that its I BET presses and its
 * questionnaire find the call's details. Alert delivery plans the broadcast (and calls this)
 * before it queues any alert, so the row exists before a button can be pressed. One insert per
 * call, not per recipient; a failure is logged and counted by the core's hook caller, and the
 * presses on that call are then answered "unknown call".
 */
public final class PublishedCallRecorder implements CallSentHook {
    private final PublishedCalls publishedCalls;

    @Inject
    public PublishedCallRecorder(PublishedCalls publishedCalls) {
        this.publishedCalls = requireNonNull(publishedCalls, "publishedCalls");
    }

    @Override
    public void broadcastPlanned(CallRecord call, int recipients) {
        publishedCalls.remember(call);
    }

    @Override
    public void broadcastFinished(long callId, int delivered) {
        // the delivery count is the logger's business; the questionnaire needs only the call
    }
}
