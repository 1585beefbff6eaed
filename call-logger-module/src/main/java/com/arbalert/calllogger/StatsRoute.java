package com.arbalert.calllogger;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.spi.HttpReply;
import com.arbalert.bot.spi.HttpRequestView;
import com.arbalert.bot.spi.HttpRoute;
import com.arbalert.bot.spi.InvalidInputException;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /v1/stats?period=7d&sport=NBA}: what /stats shows, as JSON for dashboards. */
public final class StatsRoute implements HttpRoute {
    private static final Logger log = LoggerFactory.getLogger(StatsRoute.class);

    private final StatsReporter reporter;

    @Inject
    public StatsRoute(StatsReporter reporter) {
        this.reporter = requireNonNull(reporter, "reporter");
    }

    @Override
    public Method method() {
        return Method.GET;
    }

    @Override
    public String path() {
        return "/v1/stats";
    }

    @Override
    public Access access() {
        return Access.INGEST_TOKEN;
    }

    @Override
    public HttpReply handle(HttpRequestView request) {
        StatsArguments args;
        try {
            for (String name : request.query().keySet()) {
                if (!name.equals("period") && !name.equals("sport")) {
                    throw new InvalidInputException(name, "is not a parameter of /v1/stats (period, sport)");
                }
            }
            args = StatsArguments.of(request.queryParam("period").orElse(null), request.queryParam("sport").orElse(null));
        } catch (InvalidInputException e) {
            return new HttpReply(400, Map.of("error", e.getMessage()));
        }
        try {
            return HttpReply.ok(reporter.report(args));
        } catch (SQLException e) {
            log.warn("GET /v1/stats failed on the database: {}", e.getMessage());
            return new HttpReply(503, Map.of("error", "the database is not answering", "logger",
                    reporter.health().asMap()));
        }
    }
}
