package com.arbalert.bot.telegram;

/**
 * Keeps sends within {@code limit} per second as the server counts them, whatever the delays
 * between here and there. The server counts a request when it arrives, which is after we sent it
 * and before its answer came back; so send k may go once the answer to send k - limit came back
 * (or, still unanswered, once it can no longer be on its way: {@code maxFlightNanos}) plus one
 * second and a small margin. On top of that guarantee, sends follow an even schedule (one every
 * window/limit) that a late thread may catch up by a few sends, so the pace is smooth and a busy
 * machine costs little throughput. Not thread-safe.
 */
final class SendWindow {
    static final int CATCH_UP_SENDS = 3;
    private static final long PENDING = Long.MAX_VALUE;

    private final int limit;
    private final long windowNanos;
    private final long spacingNanos;
    private final long maxFlightNanos;
    private final long[] sentAt;
    private final long[] answeredAt;
    private long count;
    /** The latest time at which a send older than the last {@code limit} may have reached the server. */
    private long retiredBound = Long.MIN_VALUE / 2;
    private long scheduled = Long.MIN_VALUE / 2;
    private long last = Long.MIN_VALUE / 2;

    /**
     * @param windowNanos one second plus a margin for clock granularity
     * @param maxFlightNanos how long an unanswered request may still be on its way to the server
     */
    SendWindow(int limit, long windowNanos, long maxFlightNanos) {
        if (limit <= 0 || windowNanos <= 0 || maxFlightNanos <= 0) {
            throw new IllegalArgumentException("limit, window and flight time must be positive");
        }
        this.limit = limit;
        this.sentAt = new long[limit];
        this.answeredAt = new long[limit];
        this.windowNanos = windowNanos;
        this.spacingNanos = windowNanos / limit;
        this.maxFlightNanos = maxFlightNanos;
    }

    /** The earliest time, at or after {@code now}, at which one more send keeps to the pace and the limit. */
    long earliest(long now) {
        // even when catching up, a quarter of the spacing apart: requests leave in the order chosen
        long at = Math.max(Math.max(now, scheduled), last + spacingNanos / 4);
        if (count >= limit) {
            int oldest = (int) (count % limit);
            at = Math.max(at, Math.max(retiredBound, reachedBy(oldest)) + windowNanos);
        }
        return at;
    }

    /** Records a send at {@code at}; returns its ticket for {@link #answered} and {@link #left}. */
    long record(long at) {
        int slot = (int) (count % limit);
        if (count >= limit) {
            retiredBound = Math.max(retiredBound, reachedBy(slot));
        }
        sentAt[slot] = at;
        answeredAt[slot] = PENDING;
        scheduled = Math.max(scheduled, at - CATCH_UP_SENDS * spacingNanos) + spacingNanos;
        last = at;
        return count++;
    }

    /** The request really left at {@code at} (later than recorded: serialisation takes time). */
    void left(long ticket, long at) {
        if (ticket >= count - limit) {
            int slot = (int) (ticket % limit);
            sentAt[slot] = Math.max(sentAt[slot], at);
        }
    }

    /** The answer came back (or the call failed) at {@code at}. */
    void answered(long ticket, long at) {
        if (ticket >= count - limit) {
            int slot = (int) (ticket % limit);
            answeredAt[slot] = Math.min(answeredAt[slot], at);
        }
    }

    /** By when the send in {@code slot} reached the server at the latest. */
    private long reachedBy(int slot) {
        return Math.min(answeredAt[slot], sentAt[slot] + maxFlightNanos);
    }
}
