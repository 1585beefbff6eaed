package com.arbalert.calllogger;

import com.arbalert.bot.spi.CallRecord;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The most recent calls, so a reported profit and closing odds can be checked at the call
 * without a database round trip. A direct-mapped table holding the queued events themselves: a
 * put is one store (no lock, no allocation), and a newer call simply takes the slot of an older
 * one with the same hash. A call not found here is checked by the writer against its stored row.
 */
final class RecentCalls {
    private final AtomicReferenceArray<CallEvent.Logged> slots;
    private final int mask;

    RecentCalls(int capacity) {
        int size = Integer.highestOneBit(Math.max(16, capacity - 1)) << 1;
        this.slots = new AtomicReferenceArray<>(size);
        this.mask = size - 1;
    }

    void put(CallEvent.Logged logged) {
        slots.lazySet(index(logged.callId()), logged);
    }

    /** The call, or null when it is not (or no longer) in memory. */
    CallRecord get(long callId) {
        CallEvent.Logged e = slots.get(index(callId));
        return e != null && e.callId() == callId ? e.call() : null;
    }

    private int index(long callId) {
        long h = callId * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
