package com.arbalert.calllogger;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/** The health figures as Micrometer meters, read from the same counters when scraped. */
final class LoggerMeters {
    private LoggerMeters() {
    }

    static void register(MeterRegistry registry, LoggerStats stats, EventQueue queue) {
        FunctionCounter.builder("calllogger.events.accepted", stats, s -> s.accepted.sum())
                .description("Events accepted from the bot").register(registry);
        counter(registry, "calllogger.events.written", stats.written, "Events committed to the database");
        counter(registry, "calllogger.events.journaled", stats.journaled, "Events written to the on-disk journal");
        counter(registry, "calllogger.events.replayed", stats.replayed, "Events replayed from the journal");
        counter(registry, "calllogger.events.dropped", stats.dropped, "Events lost because the journal budget was spent");
        counter(registry, "calllogger.events.refused", stats.refused, "Answers refused against the stored stakes");
        counter(registry, "calllogger.derived.folded", stats.folded,
                "Calls whose derived columns were folded in from later facts");
        Gauge.builder("calllogger.derived.pending", stats, s -> s.derivePending)
                .description("Calls waiting for their derived columns to be folded in").register(registry);
        counter(registry, "calllogger.retries", stats.retries, "Failed database writes that were retried");
        Gauge.builder("calllogger.queue.depth", stats, s -> queue.size() + s.inFlight)
                .description("Events in memory not yet written").register(registry);
        Gauge.builder("calllogger.journal.backlog.bytes", stats, s -> s.journalBacklogBytes)
                .description("Journal bytes not yet replayed").register(registry);
        Gauge.builder("calllogger.oldest.unwritten.seconds", stats,
                        s -> s.oldestUnwrittenNanos == 0 ? 0 : (System.nanoTime() - s.oldestUnwrittenNanos) / 1e9)
                .description("Age of the oldest event not yet in the database").register(registry);
    }

    private static void counter(MeterRegistry registry, String name, AtomicLong value, String description) {
        FunctionCounter.builder(name, value, AtomicLong::get).description(description).register(registry);
    }
}
