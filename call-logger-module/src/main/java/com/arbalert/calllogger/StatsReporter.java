package com.arbalert.calllogger;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;

/** Runs the analyses for /stats and GET /v1/stats and adds the logger's health. */
public final class StatsReporter {
    /** Pairs with fewer calls say little about their conversion. */
    static final int PAIR_MIN_CALLS = 3;
    static final int TOP_PAIRS = 5;

    private final CallAnalytics analytics;
    private final CallLogger logger;
    private final Clock clock;

    @Inject
    public StatsReporter(CallAnalytics analytics, CallLogger logger, Clock clock) {
        this.analytics = requireNonNull(analytics, "analytics");
        this.logger = requireNonNull(logger, "logger");
        this.clock = requireNonNull(clock, "clock");
    }

    public StatsReport report(StatsArguments args) throws SQLException {
        Instant now = clock.instant();
        StatsPeriod period = args.periodEndingAt(now);
        return new StatsReport(args.period(), args.sport(), period.from(), period.to(), analytics.summary(period),
                analytics.conversionBySport(period), analytics.bestBookPairs(period, PAIR_MIN_CALLS, TOP_PAIRS),
                analytics.callsByHour(period), analytics.conversionByRoi(period), logger.health().asMap());
    }

    public LoggerHealth health() {
        return logger.health();
    }
}
