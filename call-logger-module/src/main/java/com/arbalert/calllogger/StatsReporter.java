package com.arbalert.calllogger;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.spi.Service;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the analyses for /stats and GET /v1/stats and adds the logger's health. The five queries
 * run side by side, each on its own pooled connection: a long period costs the slowest query,
 * not their sum.
 */
public final class StatsReporter implements Service {
    /** Pairs with fewer calls say little about their conversion. */
    static final int PAIR_MIN_CALLS = 3;
    static final int TOP_PAIRS = 5;
    private static final int QUERIES = 5;

    private final CallAnalytics analytics;
    private final CallLogger logger;
    private final Clock clock;
    private ExecutorService queries;

    @Inject
    public StatsReporter(CallAnalytics analytics, CallLogger logger, Clock clock) {
        this.analytics = requireNonNull(analytics, "analytics");
        this.logger = requireNonNull(logger, "logger");
        this.clock = requireNonNull(clock, "clock");
    }

    public StatsReport report(StatsArguments args) throws SQLException {
        Instant now = clock.instant();
        StatsPeriod p = args.periodEndingAt(now);
        ExecutorService pool = pool();
        var summary = supply(pool, () -> analytics.summary(p));
        var bySport = supply(pool, () -> analytics.conversionBySport(p));
        var pairs = supply(pool, () -> analytics.bestBookPairs(p, PAIR_MIN_CALLS, TOP_PAIRS));
        var byHour = supply(pool, () -> analytics.callsByHour(p));
        var byRoi = supply(pool, () -> analytics.conversionByRoi(p));
        try {
            return new StatsReport(args.period(), args.sport(), p.from(), p.to(), summary.join(), bySport.join(),
                    pairs.join(), byHour.join(), byRoi.join(), logger.health().asMap());
        } catch (CompletionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e;
        }
    }

    public LoggerHealth health() {
        return logger.health();
    }

    @Override
    public String name() {
        return "stats-queries";
    }

    @Override
    public synchronized void start() {
        if (queries == null) {
            AtomicInteger n = new AtomicInteger();
            queries = Executors.newFixedThreadPool(QUERIES, r -> {
                Thread t = new Thread(r, "stats-query-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    @Override
    public synchronized void stop() throws InterruptedException {
        if (queries != null) {
            queries.shutdown();
            queries.awaitTermination(5, TimeUnit.SECONDS);
            queries = null;
        }
    }

    private synchronized ExecutorService pool() {
        if (queries == null) {
            throw new IllegalStateException("stats are not available before the bot has started");
        }
        return queries;
    }

    private interface Query<T> {
        T run() throws SQLException;
    }

    private static <T> CompletableFuture<T> supply(ExecutorService pool, Query<T> query) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return query.run();
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        }, pool);
    }
}
