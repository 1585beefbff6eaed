package com.arbalert.calllogger;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.spi.CommandHandler;
import com.arbalert.bot.spi.CommandReply;
import com.arbalert.bot.spi.CommandRequest;
import com.arbalert.bot.spi.InvalidInputException;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /stats [period] [sport]} for admins (the core's dispatcher refuses everyone else). */
public final class StatsCommand implements CommandHandler {
    public static final String NAME = "stats";
    private static final Logger log = LoggerFactory.getLogger(StatsCommand.class);

    private final StatsReporter reporter;

    @Inject
    public StatsCommand(StatsReporter reporter) {
        this.reporter = requireNonNull(reporter, "reporter");
    }

    @Override
    public boolean adminOnly() {
        return true;
    }

    @Override
    public String description(Locale locale) {
        return StatsLayout.text(locale, "command.description");
    }

    @Override
    public CommandReply handle(CommandRequest request) {
        if (!request.admin()) {
            // the dispatcher refuses first; this keeps the figures private should another caller forget
            return CommandReply.text(StatsLayout.text(request.locale(), "refused"));
        }
        StatsArguments args;
        try {
            args = StatsArguments.parse(request.args());
        } catch (InvalidInputException e) {
            return CommandReply.text(StatsLayout.text(request.locale(), "usage"));
        }
        try {
            return CommandReply.monospace(StatsLayout.render(reporter.report(args), request.locale()));
        } catch (SQLException e) {
            log.warn("/stats failed on the database: {}", e.getMessage());
            // the logger's own figures need no database, and say most about an outage
            return CommandReply.monospace(StatsLayout.text(request.locale(), "unavailable") + "\n"
                    + StatsLayout.renderHealth(reporter.health(), request.locale()));
        }
    }
}
