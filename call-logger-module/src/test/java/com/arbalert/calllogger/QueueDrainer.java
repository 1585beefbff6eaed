package com.arbalert.calllogger;

import java.util.concurrent.locks.LockSupport;

/**
 * For the JMH benchmarks: stands in for the writer thread, taking events off an unstarted
 * logger's queue in batches, so the measured producers never run into a full queue.
 */
public final class QueueDrainer implements Runnable {
    private final EventQueue queue;
    private volatile boolean running = true;
    private long drained;

    public QueueDrainer(CallLogger logger) {
        this.queue = logger.queue();
    }

    @Override
    public void run() {
        while (running) {
            int n = queue.drain(e -> { }, 4096);
            drained += n;
            if (n < 256) {
                // like the writer, take events in batches rather than racing the producers for each slot
                LockSupport.parkNanos(20_000);
            }
        }
    }

    public void stop() {
        running = false;
    }

    public long drained() {
        return drained;
    }
}
