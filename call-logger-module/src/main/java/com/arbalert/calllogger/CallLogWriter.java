package com.arbalert.calllogger;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer thread. Direct mode: drain the queue into a batch, write it when it is full or
 * old enough (with what else is already waiting, up to the batch maximum), retry with backoff on
 * failure. Journal mode (entered when the queue overflows, the database has failed for longer
 * than the outage threshold, or at a late shutdown): every batch goes to the journal first and
 * the journal is replayed into the database in order, so nothing accepted later overtakes it;
 * once the journal is empty, back to direct mode.
 * Between batches, every derive interval, it folds the calls marked pending by earlier batches
 * into their rows, in rounds bounded in time so a backlog never holds the batches up for long.
 * Producers never wake this thread: it polls, parking briefly when idle.
 */
final class CallLogWriter implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(CallLogWriter.class);
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** Quiet this long, the writer gives its held connection back to the pool. */
    private static final long RELEASE_IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long REPLAY_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final int CHUNKS_PER_APPEND = 32;
    private static final int FOLD_IDS_PER_TRANSACTION = 1000;
    private static final long FOLD_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final EventQueue queue;
    private final BatchWriter writer;
    private final DerivationFold fold;
    private final Journal journal;
    private final LoggerStats stats;
    private final int batchSize;
    private final int batchMax;
    private final long flushNanos;
    private final long outageNanos;
    private final long stopGraceNanos;
    private final long deriveNanos;
    private long nextFold;
    private final Backoff backoff;
    private ArrayList<CallEvent> pending;
    private long pendingSince;
    private long lastWrite;
    private long nextAttempt;
    private boolean journaling;
    private long lastFailureLog;
    private long lastDropLog;
    private long droppedSinceLog;
    private volatile boolean stopRequested;
    private volatile long stopDeadline;

    CallLogWriter(EventQueue queue, BatchWriter writer, DerivationFold fold, Journal journal, LoggerStats stats,
            CallLoggerConfig config) {
        this.queue = requireNonNull(queue, "queue");
        this.writer = requireNonNull(writer, "writer");
        this.fold = requireNonNull(fold, "fold");
        this.journal = requireNonNull(journal, "journal");
        this.stats = requireNonNull(stats, "stats");
        this.batchSize = config.getBatchSize();
        this.batchMax = config.getBatchMax();
        this.flushNanos = config.getFlushInterval().toNanos();
        this.outageNanos = config.getOutageBeforeJournal().toNanos();
        this.stopGraceNanos = config.getStopDeadline().toNanos();
        this.deriveNanos = config.getDeriveInterval().toNanos();
        this.backoff = new Backoff(config.getRetryBackoffMin(), config.getRetryBackoffMax());
        this.pending = new ArrayList<>(batchSize);
    }

    /** Called from start(), before the thread runs: what a previous run left is replayed before new events. */
    void resumeJournal() {
        if (!journal.isEmpty()) {
            journaling = true;
            stats.journaling = true;
            stats.oldestUnwrittenNanos = System.nanoTime();
        }
    }

    void requestStop() {
        stopDeadline = System.nanoTime() + stopGraceNanos;
        stopRequested = true;
    }

    @Override
    public void run() {
        nextFold = System.nanoTime(); // what a previous run left pending is folded first
        try {
            while (true) {
                boolean stopping = stopRequested;
                long now = System.nanoTime();
                boolean late = stopping && now - stopDeadline >= 0;
                boolean busy = fill(now);
                boolean flushDue = !pending.isEmpty()
                        && (stopping || pending.size() >= batchSize || now - pendingSince >= flushNanos
                        || queue.inOverflow());
                if (journaling) {
                    if (flushDue || (late && !queue.isEmpty())) {
                        busy |= appendToJournal();
                    }
                    if (!late && now - nextAttempt >= 0 && !journal.isEmpty()) {
                        busy |= replay();
                    }
                    if (journal.isEmpty() && pending.isEmpty()) {
                        journaling = false;
                        stats.journaling = false;
                        log.info("Call log journal replayed; writing to the database directly again");
                    }
                } else if (flushDue) {
                    // an overflowing queue goes to disk at once, so memory stays bounded
                    if (now - nextAttempt >= 0 && !queue.inOverflow()) {
                        topUp();
                        busy |= writeDirect();
                    }
                    boolean outage = stats.failingSinceNanos != 0 && now - stats.failingSinceNanos >= outageNanos;
                    if (!pending.isEmpty() && (outage || queue.inOverflow() || late)) {
                        journaling = true;
                        stats.journaling = true;
                        log.warn("Call log goes to the journal: {}", outage ? "database unavailable"
                                : late ? "stop deadline reached" : "queue full");
                        busy |= appendToJournal();
                    }
                }
                if (!late && now - nextFold >= 0 && stats.failingSinceNanos == 0) {
                    busy |= fold(now + FOLD_SLICE_NANOS);
                }
                publish();
                if (stopping && pending.isEmpty() && queue.isEmpty() && (!journaling || journal.isEmpty() || late)) {
                    if (!late && stats.failingSinceNanos == 0) {
                        fold(stopDeadline);
                    }
                    return;
                }
                if (!busy) {
                    if (now - lastWrite >= RELEASE_IDLE_NANOS) {
                        writer.release();
                    }
                    LockSupport.parkNanos(IDLE_PARK_NANOS);
                }
            }
        } catch (RuntimeException | Error e) {
            log.error("Call log writer stopped unexpectedly; events stay in memory until restart", e);
            throw e;
        } finally {
            writer.release();
            try {
                journal.close();
            } catch (IOException e) {
                log.warn("Call log journal did not close cleanly: {}", e.getMessage());
            }
        }
    }

    /**
     * Folds pending calls until none is left or {@code until} passes; when some are left the next
     * round follows the next batch instead of waiting a whole interval. A failure is retried at the
     * next interval: the ids stay pending in the database.
     */
    private boolean fold(long until) {
        int total = 0;
        boolean more = true;
        try {
            while (more && System.nanoTime() - until < 0) {
                int n = fold.foldOnce(FOLD_IDS_PER_TRANSACTION);
                total += n;
                more = n == FOLD_IDS_PER_TRANSACTION;
            }
            stats.derivePending = more ? fold.backlog() : 0;
        } catch (SQLException | RuntimeException e) {
            stats.lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.warn("Call log fold of derived columns failed; retrying in {} ms: {}",
                    TimeUnit.NANOSECONDS.toMillis(deriveNanos), stats.lastError);
            more = false;
        }
        stats.folded.addAndGet(total);
        nextFold = more ? System.nanoTime() : System.nanoTime() + deriveNanos;
        return total > 0;
    }

    private boolean fill(long now) {
        int room = batchSize - pending.size();
        if (room <= 0) {
            return false;
        }
        boolean wasEmpty = pending.isEmpty();
        int n = queue.drain(pending::add, room);
        if (n > 0 && wasEmpty) {
            pendingSince = now;
            if (stats.oldestUnwrittenNanos == 0) {
                stats.oldestUnwrittenNanos = now;
            }
        }
        return n > 0;
    }

    /**
     * A flush takes, besides its batch, what is already waiting, up to the batch maximum: behind a
     * burst, fewer and larger transactions (one commit and one fsync each) catch up sooner. It
     * never waits for more, so a quiet bot still writes at the batch size or the flush interval.
     */
    private void topUp() {
        if (pending.size() < batchMax) {
            queue.drain(pending::add, batchMax - pending.size());
        }
    }

    private boolean writeDirect() {
        try {
            BatchWriter.Outcome outcome = writeSafely(pending);
            stats.written.addAndGet(pending.size());
            reportRefused(outcome);
            pending = new ArrayList<>(batchSize);
            onSuccess();
            return true;
        } catch (SQLException | RuntimeException e) {
            onFailure(e);
            return false;
        }
    }

    /** Moves the current batch and what waits in the queue to the journal, with one fsync. */
    private boolean appendToJournal() {
        List<List<CallEvent>> chunks = new ArrayList<>();
        if (!pending.isEmpty()) {
            chunks.add(pending);
            pending = new ArrayList<>(batchSize);
        }
        while (chunks.size() < CHUNKS_PER_APPEND && !queue.isEmpty()) {
            ArrayList<CallEvent> chunk = new ArrayList<>(batchSize);
            queue.drain(chunk::add, batchSize);
            chunks.add(chunk);
        }
        if (chunks.isEmpty()) {
            return false;
        }
        int events = chunks.stream().mapToInt(List::size).sum();
        try {
            if (journal.append(chunks)) {
                stats.journaled.addAndGet(events);
            } else {
                drop(events, "the journal's disk budget is spent");
            }
        } catch (IOException | RuntimeException e) {
            drop(events, "the journal could not be written: " + e);
        }
        return true;
    }

    private boolean replay() {
        long start = System.nanoTime();
        boolean progress = false;
        try {
            List<CallEvent> batch;
            while (System.nanoTime() - start < REPLAY_SLICE_NANOS && (batch = journal.peek()) != null) {
                BatchWriter.Outcome outcome = writeSafely(batch);
                journal.consume();
                stats.replayed.addAndGet(batch.size());
                stats.written.addAndGet(batch.size());
                reportRefused(outcome);
                onSuccess();
                progress = true;
            }
        } catch (SQLException | IOException | RuntimeException e) {
            onFailure(e);
        }
        return progress;
    }

    /**
     * Writes a batch; a batch the database refuses for its data (which validation at the call
     * should make impossible) is written one event at a time so one bad event cannot stall the
     * writer forever. Connection and transient errors are thrown for a retry.
     */
    private BatchWriter.Outcome writeSafely(List<CallEvent> batch) throws SQLException {
        try {
            return writer.write(batch);
        } catch (SQLNonTransientException e) {
            if (e instanceof SQLNonTransientConnectionException || batch.size() == 1) {
                if (batch.size() == 1 && !(e instanceof SQLNonTransientConnectionException)) {
                    log.error("Call log event refused by the database and left out: {} ({})", batch.get(0), e.getMessage());
                    stats.refused.incrementAndGet();
                    return new BatchWriter.Outcome(List.of(), 0);
                }
                throw e;
            }
            log.warn("Call log batch refused by the database ({}); writing its events one by one", e.getMessage());
            List<String> refused = new ArrayList<>();
            int marked = 0;
            for (CallEvent event : batch) {
                BatchWriter.Outcome one = writeSafely(List.of(event));
                refused.addAll(one.refused());
                marked += one.marked();
            }
            return new BatchWriter.Outcome(refused, marked);
        }
    }

    private void reportRefused(BatchWriter.Outcome outcome) {
        // an upper bound until the next fold counts the table
        stats.derivePending += outcome.marked();
        for (String message : outcome.refused()) {
            stats.refused.incrementAndGet();
            log.warn("Call log result refused against the stored stakes: {}", message);
        }
    }

    private void onSuccess() {
        lastWrite = System.nanoTime();
        if (stats.failingSinceNanos != 0) {
            log.info("Call log database writes succeed again after {} ms",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stats.failingSinceNanos));
        }
        stats.failingSinceNanos = 0;
        nextAttempt = System.nanoTime();
        backoff.reset();
    }

    private void onFailure(Exception e) {
        long now = System.nanoTime();
        stats.retries.incrementAndGet();
        stats.lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (stats.failingSinceNanos == 0) {
            stats.failingSinceNanos = now;
        }
        if (lastFailureLog == 0 || now - lastFailureLog >= LOG_EVERY_NANOS) {
            lastFailureLog = now;
            log.warn("Call log database write failed; retrying with backoff: {}", stats.lastError);
        }
        nextAttempt = now + backoff.nextDelayNanos();
    }

    private void drop(int events, String why) {
        stats.dropped.addAndGet(events);
        droppedSinceLog += events;
        long now = System.nanoTime();
        if (lastDropLog == 0 || now - lastDropLog >= LOG_EVERY_NANOS) {
            log.error("Call log dropped {} event(s): {}", droppedSinceLog, why);
            lastDropLog = now;
            droppedSinceLog = 0;
        }
    }

    private void publish() {
        stats.inFlight = pending.size();
        stats.journalBacklogBytes = journaling ? journal.backlogBytes() : 0;
        if (pending.isEmpty() && !journaling) {
            stats.oldestUnwrittenNanos = 0;
        }
    }
}
