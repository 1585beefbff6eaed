package com.arbalert.calllogger;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The logger's running figures, written by the producers (accepted) and the writer thread (the rest). */
final class LoggerStats {
    /** Striped, so producers on several threads do not contend on one cache line. */
    final LongAdder accepted = new LongAdder();
    final AtomicLong written = new AtomicLong();
    final AtomicLong journaled = new AtomicLong();
    final AtomicLong replayed = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    /** Calls whose derived columns were folded from the fact tables. */
    final AtomicLong folded = new AtomicLong();
    /** Calls waiting for a fold: counted at each fold, plus what batches marked since (at most). */
    volatile long derivePending;
    /** Events taken from the queue and not yet durable (database or journal). */
    volatile int inFlight;
    volatile long journalBacklogBytes;
    /** System.nanoTime() when the oldest event not yet in the database was taken from the queue; 0 when none. */
    volatile long oldestUnwrittenNanos;
    /** System.nanoTime() of the first of the current run of failed database attempts; 0 while writes succeed. */
    volatile long failingSinceNanos;
    volatile String lastError = "";
    volatile boolean journaling;
}
