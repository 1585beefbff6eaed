package com.arbalert.calllogger;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.i18n.Texts;
import com.arbalert.bot.logging.LogMasking;
import com.arbalert.bot.spi.AdminNotifier;
import com.arbalert.bot.spi.Service;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the admins when the call logger's health degrades and when it recovers, as the original
 * messaged its admin when logging kept failing. Three conditions, each with its own state: events
 * waiting for the database longer than CALL_LOGGER_ALERT_OUTAGE, events dropped (until none for
 * that long), the journal above half its budget. At most one message per condition per
 * CALL_LOGGER_ALERT_REPEAT; a change that falls inside that time is told when it ends, if it lasts.
 */
public final class LoggerHealthAlerts implements Service {
    private static final Logger log = LoggerFactory.getLogger(LoggerHealthAlerts.class);
    private static final long MB = 1024 * 1024;

    enum Condition { DATABASE, DROPPED, JOURNAL }

    private final LoggerHealthSource source;
    private final Optional<AdminNotifier> notifier;
    private final Clock clock;
    private final CallLoggerConfig config;
    private final Map<Condition, Boolean> told = new EnumMap<>(Condition.class);
    private final Map<Condition, Instant> toldAt = new EnumMap<>(Condition.class);
    private long droppedSeen;
    private Instant lastDrop;
    private ScheduledExecutorService timer;

    @Inject
    public LoggerHealthAlerts(LoggerHealthSource source, Optional<AdminNotifier> notifier, Clock clock,
            CallLoggerConfig config) {
        this.source = requireNonNull(source, "source");
        this.notifier = requireNonNull(notifier, "notifier");
        this.clock = requireNonNull(clock, "clock");
        this.config = requireNonNull(config, "config");
        for (Condition c : Condition.values()) {
            told.put(c, false);
        }
    }

    /** One look at the logger's health; sends what changed. Run by the timer, and by tests. */
    public synchronized void check() {
        Instant now = clock.instant();
        LoggerHealth h = source.health();
        if (h.dropped() > droppedSeen) {
            droppedSeen = h.dropped();
            lastDrop = now;
        }
        Duration quiet = config.getAlertOutage();
        // the database itself failing, not a backlog still being replayed after it came back
        update(Condition.DATABASE, h.databaseFailingFor().compareTo(quiet) >= 0, now, h);
        update(Condition.DROPPED, lastDrop != null && Duration.between(lastDrop, now).compareTo(quiet) < 0, now, h);
        update(Condition.JOURNAL, h.journalBacklogBytes() > config.getJournalBudget().bytes() / 2, now, h);
    }

    private void update(Condition c, boolean degraded, Instant now, LoggerHealth h) {
        if (degraded == told.get(c)) {
            return;
        }
        Instant last = toldAt.get(c);
        if (last != null && Duration.between(last, now).compareTo(config.getAlertRepeat()) < 0) {
            return;
        }
        told.put(c, degraded);
        toldAt.put(c, now);
        String text = message(c, degraded, h);
        if (degraded) {
            log.warn("Telling the admins: {}", text);
        } else {
            log.info("Telling the admins: {}", text);
        }
        notifier.ifPresentOrElse(n -> n.notifyAdmins(text),
                () -> log.warn("No admin notifier is bound; the message above reaches nobody"));
    }

    private String message(Condition c, boolean degraded, LoggerHealth h) {
        String state = degraded ? "degraded" : "recovered";
        return switch (c) {
            case DATABASE -> StatsLayout.text(Texts.ENGLISH, "alert.database." + state,
                    StatsLayout.age(h.oldestUnwritten()), lastError(h));
            case DROPPED -> StatsLayout.text(Texts.ENGLISH, "alert.dropped." + state, h.dropped(),
                    StatsLayout.age(config.getAlertOutage()));
            case JOURNAL -> StatsLayout.text(Texts.ENGLISH, "alert.journal." + state,
                    h.journalBacklogBytes() / MB, config.getJournalBudget().bytes() / MB);
        };
    }

    /** A driver's message may quote the URL or the user; secrets are masked as in the logs. */
    private static String lastError(LoggerHealth h) {
        return h.lastError() == null || h.lastError().isEmpty() ? "-" : LogMasking.mask(h.lastError());
    }

    @Override
    public String name() {
        return "call-logger-alerts";
    }

    @Override
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "call-logger-alerts");
            t.setDaemon(true);
            return t;
        });
        long every = config.getHealthCheckInterval().toMillis();
        timer.scheduleWithFixedDelay(this::checkSafely, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() throws InterruptedException {
        if (timer != null) {
            timer.shutdownNow();
            timer.awaitTermination(5, TimeUnit.SECONDS);
            timer = null;
        }
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException e) {
            // a failing check must not end the schedule
            log.warn("Call logger health check failed: {}", e.toString());
        }
    }
}
