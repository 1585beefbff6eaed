package com.arbalert.calllogger;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jctools.queues.MpscArrayQueue;

/**
 * The hand-off between the bot's threads and the writer: a bounded lock-free MPSC array queue,
 * plus an unbounded lock-free overflow list used once the array is full, so a producer neither
 * blocks nor drops. While the overflow is in use every producer goes there, which keeps the
 * events of one producer in the order it offered them; the consumer takes the array first, then
 * the overflow, and only leaves overflow mode once no producer can still be appending to it.
 */
final class EventQueue {
    private final MpscArrayQueue<CallEvent> ring;
    private final ConcurrentLinkedQueue<CallEvent> overflow = new ConcurrentLinkedQueue<>();
    private final AtomicInteger overflowWriters = new AtomicInteger();
    private final AtomicInteger overflowSize = new AtomicInteger();
    private volatile boolean overflowMode;

    EventQueue(int capacity) {
        this.ring = new MpscArrayQueue<>(capacity);
    }

    /** Never blocks, never fails. */
    void offer(CallEvent event) {
        if (!overflowMode && ring.offer(event)) {
            return;
        }
        overflowWriters.incrementAndGet();
        try {
            // the consumer may have left overflow mode since we looked
            if (!overflowMode && ring.offer(event)) {
                return;
            }
            overflowMode = true;
            overflow.add(event);
            overflowSize.incrementAndGet();
        } finally {
            overflowWriters.decrementAndGet();
        }
    }

    /** Consumer only: moves up to {@code limit} events, in acceptance order, to {@code sink}. */
    int drain(Consumer<CallEvent> sink, int limit) {
        int n = ring.drain(sink::accept, limit);
        if (n == limit || !overflowMode || !ring.isEmpty()) {
            return n;
        }
        // the ring is empty, so everything offered before overflow mode began has been taken
        CallEvent e;
        while (n < limit && (e = overflow.poll()) != null) {
            overflowSize.decrementAndGet();
            sink.accept(e);
            n++;
        }
        if (n < limit && overflow.isEmpty()) {
            overflowMode = false;
            // a producer that saw overflow mode before we cleared it may still append: wait for it
            // and take what it left, so nothing it offered later can overtake it through the ring
            while (overflowWriters.get() != 0) {
                Thread.onSpinWait();
            }
            // at most one straggler per producer thread, so this may exceed the limit a little
            while ((e = overflow.poll()) != null) {
                overflowSize.decrementAndGet();
                sink.accept(e);
                n++;
            }
        }
        return n;
    }

    boolean inOverflow() {
        return overflowMode;
    }

    int size() {
        return ring.size() + overflowSize.get();
    }

    boolean isEmpty() {
        return ring.isEmpty() && overflow.isEmpty();
    }

    int capacity() {
        return ring.capacity();
    }
}
