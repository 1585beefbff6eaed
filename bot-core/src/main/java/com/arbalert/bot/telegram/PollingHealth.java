package com.arbalert.bot.telegram;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.spi.Health;
import com.arbalert.bot.spi.HealthContributor;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * "telegram" in /healthz: DOWN when long polling is not running or no getUpdates call started for
 * TELEGRAM_POLL_STALL_AFTER. The library can stop polling while the application runs on.
 */
public final class PollingHealth implements HealthContributor {
    private final UpdatePoller poller;
    private final Clock clock;
    private final Duration stallAfter;

    @Inject
    public PollingHealth(UpdatePoller poller, TelegramConfig config, Clock clock) {
        this.poller = requireNonNull(poller, "poller");
        this.clock = requireNonNull(clock, "clock");
        this.stallAfter = config.getPollStallAfter();
    }

    @Override
    public String name() {
        return "telegram";
    }

    @Override
    public Health check() {
        Instant last = poller.lastPollStarted();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("polling", poller.isRunning());
        details.put("getUpdatesCalls", poller.polls());
        details.put("lastGetUpdates", last == null ? "never" : last.toString());
        if (!poller.isRunning()) {
            details.put("reason", "long polling is not running");
            return Health.down(details);
        }
        if (last == null || Duration.between(last, clock.instant()).compareTo(stallAfter) > 0) {
            details.put("reason", "no getUpdates call for more than " + stallAfter.toSeconds() + " s");
            return Health.down(details);
        }
        return Health.up(details);
    }
}
