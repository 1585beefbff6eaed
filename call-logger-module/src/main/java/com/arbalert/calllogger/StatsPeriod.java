package com.arbalert.calllogger;

import com.arbalert.bot.spi.InvalidInputException;
import java.time.Instant;

/**
 * Which calls an analysis covers: sent in [from, to), of one sport when {@code sport} is not null.
 */
public record StatsPeriod(Instant from, Instant to, String sport) {
    public StatsPeriod {
        if (from == null || to == null) {
            throw new InvalidInputException("period", "needs both from and to");
        }
        if (!from.isBefore(to)) {
            throw new InvalidInputException("period", "from (" + from + ") must be before to (" + to + ")");
        }
        if (sport != null && sport.isBlank()) {
            sport = null;
        }
    }

    public static StatsPeriod of(Instant from, Instant to) {
        return new StatsPeriod(from, to, null);
    }
}
