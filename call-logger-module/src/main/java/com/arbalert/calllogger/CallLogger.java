package com.arbalert.calllogger;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.spi.CallIds;
import com.arbalert.bot.spi.CallRecord;
import com.arbalert.bot.spi.DataDir;
import com.arbalert.bot.spi.Health;
import com.arbalert.bot.spi.HealthContributor;
import com.arbalert.bot.spi.InvalidInputException;
import com.arbalert.bot.spi.Outcome;
import com.arbalert.bot.spi.Service;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The asynchronous call logger. Every {@code record...} method checks its input at once (the
 * only exception it ever throws is {@link InvalidInputException}, for bad input), hands one
 * event to a lock-free queue and returns; one writer thread puts the events into MariaDB in
 * batches, through an on-disk journal when the database is away or the queue overflows.
 */
public final class CallLogger implements Service, HealthContributor {
    private static final Logger log = LoggerFactory.getLogger(CallLogger.class);
    static final BigDecimal PROFIT_COLUMN_MAX = new BigDecimal("999999999999.99");

    private final CallIds callIds;
    private final Clock clock;
    private final CallLoggerConfig config;
    private final EventQueue queue;
    private final RecentCalls recent;
    private final LoggerStats stats = new LoggerStats();
    private final Journal journal;
    private final CallLogWriter writer;
    private final CallRetention retention;
    private volatile Thread thread;
    private volatile boolean stopped;

    @Inject
    public CallLogger(DataSource dataSource, Clock clock, MeterRegistry meters, @DataDir Path dataDir,
            CallIds callIds, CallLoggerConfig config) {
        requireNonNull(dataSource, "dataSource");
        this.clock = requireNonNull(clock, "clock");
        this.callIds = requireNonNull(callIds, "callIds");
        this.config = requireNonNull(config, "config");
        this.queue = new EventQueue(config.getQueueCapacity());
        this.recent = new RecentCalls(config.getRecentCalls());
        this.journal = new Journal(dataDir.resolve("journal"), config.getJournalBudget().bytes(),
                config.getJournalSegment().bytes());
        this.writer = new CallLogWriter(queue, new BatchWriter(dataSource), new DerivationFold(dataSource), journal,
                stats, config);
        this.retention = new CallRetention(dataSource, clock, config);
        LoggerMeters.register(requireNonNull(meters, "meters"), stats, queue);
    }

    /**
     * Logs a call; returns its id at once: the record's own id when set, else a new one.
     *
     * @throws InvalidInputException when the call is missing or its dates cannot be stored
     */
    public long logCall(CallRecord call) {
        if (call == null) {
            throw new InvalidInputException("call", "is required");
        }
        Validation.storableTime("match_date", call.matchDate());
        Validation.storableTime("sent_at", call.sentAt());
        long id = call.callId() > 0 ? call.callId() : callIds.next();
        CallEvent.Logged event = new CallEvent.Logged(id, call);
        recent.put(event);
        accept(event);
        return id;
    }

    /** How many recipients the broadcast actually reached, once it ended. */
    public void recordNotified(long callId, int delivered) {
        Validation.callId(callId);
        if (delivered < 0) {
            throw new InvalidInputException("delivered", "must not be negative, got " + delivered);
        }
        accept(new CallEvent.Delivered(callId, delivered));
    }

    /** An I BET press; a repeat by the same user changes nothing. */
    public void recordClick(long callId, long userId, Instant at) {
        Validation.callId(callId);
        Validation.userId(userId);
        Validation.storableTime("clicked_at", at);
        accept(new CallEvent.Clicked(callId, userId, at));
    }

    /** A questionnaire answer, now; a later answer of the same user replaces it. */
    public void recordResult(long callId, long userId, Outcome outcome, BigDecimal profit) {
        recordResult(callId, userId, outcome, profit, clock.instant());
    }

    /**
     * A questionnaire answer. The profit must be within ±10 times the call's stakes: checked here
     * when the call is among the recent calls in memory, else by the writer against the stored row
     * (a refusal there is logged and counted as {@code refused}).
     */
    public void recordResult(long callId, long userId, Outcome outcome, BigDecimal profit, Instant at) {
        Validation.callId(callId);
        Validation.userId(userId);
        if (outcome == null) {
            throw new InvalidInputException("outcome", "is required (a_won, b_won, push, both_won or void)");
        }
        Validation.storableTime("reported_at", at);
        CallRecord call = recent.get(callId);
        Validation.profit(profit, call);
        accept(new CallEvent.Reported(callId, userId, outcome, profit, at, call != null));
    }

    /**
     * Closing odds in the call's odds format; clv_a and clv_b become taken / closing - 1 in decimal odds.
     * closingB is null for a one-book call.
     */
    public void recordClosingOdds(long callId, BigDecimal closingA, BigDecimal closingB) {
        Validation.callId(callId);
        Validation.closingOdds(recent.get(callId), closingA, closingB);
        accept(new CallEvent.ClosingOdds(callId, closingA, closingB));
    }

    /** Deletes calls sent before now minus {@code age}, in small chunks on the retention thread. */
    public CompletableFuture<Long> cleanupOlderThan(Duration age) {
        if (age == null || age.isNegative()) {
            throw new InvalidInputException("age", "must be zero or positive, got " + age);
        }
        return retention.deleteOlderThan(age);
    }

    public LoggerHealth health() {
        Duration age = since(stats.oldestUnwrittenNanos);
        return new LoggerHealth(queue.size() + stats.inFlight, stats.accepted.sum(), stats.written.get(),
                stats.journaled.get(), stats.replayed.get(), stats.dropped.get(), stats.retries.get(),
                stats.refused.get(), stats.journaling, stats.journalBacklogBytes, stats.lastError, age, stats.folded.get(),
                stats.derivePending, since(stats.failingSinceNanos));
    }

    private static Duration since(long nanos) {
        return nanos == 0 ? Duration.ZERO : Duration.ofNanos(Math.max(0, System.nanoTime() - nanos));
    }

    @Override
    public String name() {
        return "call-logger";
    }

    @Override
    public Health check() {
        LoggerHealth h = health();
        // journaling, retrying or even dropping is reported in the details but is not "down": a
        // restart would not help. Down means the writer thread itself is gone.
        Thread t = thread;
        boolean writerGone = t != null && !t.isAlive() && !stopped;
        return writerGone ? Health.down(h.asMap()) : Health.up(h.asMap());
    }

    @Override
    public int phase() {
        return PHASE_PLUGIN;
    }

    @Override
    public synchronized void start() throws Exception {
        if (thread != null) {
            return;
        }
        journal.open();
        writer.resumeJournal();
        thread = new Thread(writer, "call-logger-writer");
        thread.setDaemon(true);
        thread.start();
        retention.start();
        log.info("Call logger started: queue {}, batches of {} or every {} ms, retention {} days",
                config.getQueueCapacity(), config.getBatchSize(), config.getFlushInterval().toMillis(),
                config.getRetentionDays());
    }

    /** Writes what is queued to the database within the stop deadline, the rest to the journal. */
    @Override
    public synchronized void stop() throws Exception {
        if (thread == null) {
            return;
        }
        stopped = true;
        retention.stop();
        writer.requestStop();
        thread.join(config.getStopDeadline().toMillis() + TimeUnit.SECONDS.toMillis(5));
        if (thread.isAlive()) {
            log.warn("Call log writer still busy after the stop deadline; {} event(s) may be lost", queue.size());
        }
        LoggerHealth h = health();
        log.info("Call logger stopped: {} accepted, {} written, {} journaled, {} dropped", h.accepted(), h.written(),
                h.journaled(), h.dropped());
    }

    /** For the benchmarks, which drain the queue themselves instead of starting the writer. */
    EventQueue queue() {
        return queue;
    }

    private void accept(CallEvent event) {
        queue.offer(event);
        stats.accepted.increment();
    }
}
