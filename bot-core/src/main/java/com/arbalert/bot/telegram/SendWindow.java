package com.arbalert.bot.telegram;

/**
 * Paces sends at {@code limit} per {@code windowNanos} and guarantees it: sends follow an even
 * schedule (one every window/limit), a thread that woke up late may catch up to a few sends
 * ({@link #CATCH_UP_SENDS}) so load on the machine costs no throughput, and the real send times of
 * the last {@code limit} sends are kept so that no window of {@code windowNanos} ever holds more.
 * Not thread-safe.
 */
final class SendWindow {
    static final int CATCH_UP_SENDS = 3;

    private final long[] sent;
    private final long windowNanos;
    private final long spacingNanos;
    private int count;
    private int oldest;
    private long scheduled = Long.MIN_VALUE / 2;
    private long last = Long.MIN_VALUE / 2;

    SendWindow(int limit, long windowNanos) {
        if (limit <= 0 || windowNanos <= 0) {
            throw new IllegalArgumentException("limit and window must be positive");
        }
        this.sent = new long[limit];
        this.windowNanos = windowNanos;
        this.spacingNanos = windowNanos / limit;
    }

    /** The earliest time, at or after {@code now}, at which one more send keeps to the pace and the limit. */
    long earliest(long now) {
        // even when catching up, a quarter of the spacing apart: requests leave in the order chosen
        long at = Math.max(Math.max(now, scheduled), last + spacingNanos / 4);
        if (count == sent.length) {
            at = Math.max(at, sent[oldest] + windowNanos);
        }
        return at;
    }

    void record(long at) {
        if (count == sent.length) {
            sent[oldest] = at;
            oldest = (oldest + 1) % sent.length;
        } else {
            sent[(oldest + count) % sent.length] = at;
            count++;
        }
        scheduled = Math.max(scheduled, at - CATCH_UP_SENDS * spacingNanos) + spacingNanos;
        last = at;
    }

    /** Moves the last recorded send to when it really left (later than recorded). */
    void correctLast(long at) {
        int last = (oldest + count - 1) % sent.length;
        if (count > 0 && at > sent[last]) {
            sent[last] = at;
        }
    }
}
