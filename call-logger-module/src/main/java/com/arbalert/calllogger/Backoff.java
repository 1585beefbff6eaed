package com.arbalert.calllogger;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with "equal jitter": half the step fixed, half random, so retries spread out. */
final class Backoff {
    private final long minNanos;
    private final long maxNanos;
    private long step;

    Backoff(Duration min, Duration max) {
        this.minNanos = min.toNanos();
        this.maxNanos = Math.max(minNanos, max.toNanos());
        this.step = minNanos;
    }

    long nextDelayNanos() {
        long current = step;
        step = Math.min(maxNanos, step * 2);
        long half = current / 2;
        return half + ThreadLocalRandom.current().nextLong(half + 1);
    }

    void reset() {
        step = minNanos;
    }
}
