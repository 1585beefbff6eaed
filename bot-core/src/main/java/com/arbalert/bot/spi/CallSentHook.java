package com.arbalert.bot.spi;

/**
 * Called by alert delivery. Runs on the bot's threads: must be cheap and must not block;
 * an exception is caught, logged and counted by the core.
 */
public interface CallSentHook {

    /** Once per call, when its broadcast is planned; {@code call.callId()} is set. */
    void broadcastPlanned(CallRecord call, int recipients);

    /** Once per call, when its broadcast has ended (sent, failed or expired). */
    void broadcastFinished(long callId, int delivered);
}
