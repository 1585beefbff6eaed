package com.arbalert.bot.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Telegram's flood limit as the fake enforces it: at most {@code limit} accepted requests in any
 * window of one second. A refused request is not counted, as on the real server. Not thread-safe:
 * the server checks all its limits under one lock.
 */
final class SlidingWindowLimit {
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final int limit;
    private final Deque<Long> accepted = new ArrayDeque<>();

    SlidingWindowLimit(int limit) {
        this.limit = limit;
    }

    /** @return 0 when a request now is within the limit, else the seconds to wait (at least 1) as retry_after */
    int waitSeconds(long nowNanos) {
        while (!accepted.isEmpty() && nowNanos - accepted.peekFirst() >= WINDOW_NANOS) {
            accepted.pollFirst();
        }
        if (accepted.size() >= limit) {
            long waitNanos = WINDOW_NANOS - (nowNanos - accepted.peekFirst());
            return (int) Math.max(1, (waitNanos + WINDOW_NANOS - 1) / WINDOW_NANOS);
        }
        return 0;
    }

    void record(long nowNanos) {
        accepted.addLast(nowNanos);
    }
}
