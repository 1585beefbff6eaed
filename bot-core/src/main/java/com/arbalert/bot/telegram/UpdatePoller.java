package com.arbalert.bot.telegram;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.spi.Service;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.BackOff;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;

/**
 * Long polling with TelegramBots. We hand the library our own executor and HTTP client so that
 * stop() can end every thread it started, and build each getUpdates request ourselves so that
 * {@link PollingHealth} sees whether polling is still going.
 */
@Singleton
public final class UpdatePoller implements Service {
    private static final Logger log = LoggerFactory.getLogger(UpdatePoller.class);

    private final TelegramConnection connection;
    private final UpdateRouter router;
    private final TelegramConfig config;
    private final Clock clock;
    private final AtomicReference<Instant> lastPollStarted = new AtomicReference<>();
    private final AtomicLong polls = new AtomicLong();
    private TelegramBotsLongPollingApplication application;
    private BotSession session;
    private ScheduledExecutorService executor;
    private Dispatcher pollDispatcher;

    @Inject
    public UpdatePoller(TelegramConnection connection, UpdateRouter router, TelegramConfig config, Clock clock) {
        this.connection = requireNonNull(connection, "connection");
        this.router = requireNonNull(router, "router");
        this.config = requireNonNull(config, "config");
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public int phase() {
        return PHASE_INGRESS;
    }

    @Override
    public synchronized void start() throws Exception {
        int timeoutSeconds = (int) config.getPollTimeout().toSeconds();
        // counts as the first poll, so health is not DOWN in the instant before it starts
        lastPollStarted.set(clock.instant());
        // a dispatcher of its own, so that stop() can cancel the pending long poll (a thread
        // interrupt does not end a blocking OkHttp call) without cancelling sends still in flight
        pollDispatcher = new Dispatcher();
        OkHttpClient http = connection.httpWithReadTimeout(config.getPollTimeout().plus(config.getRequestTimeout()))
                .newBuilder().dispatcher(pollDispatcher).build();
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "telegram-poller"));
        ScheduledExecutorService ours = executor;
        application = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> http, () -> ours,
                BoundedBackOff::new);
        session = application.registerBot(connection.botToken(), connection::telegramUrl,
                lastUpdateId -> nextRequest(lastUpdateId, timeoutSeconds), router);
        log.info("Telegram long polling started against {}://{}:{}", connection.telegramUrl().getSchema(),
                connection.telegramUrl().getHost(), connection.telegramUrl().getPort());
    }

    private GetUpdates nextRequest(int lastUpdateId, int timeoutSeconds) {
        lastPollStarted.set(clock.instant());
        polls.incrementAndGet();
        return GetUpdates.builder().offset(lastUpdateId + 1).limit(100).timeout(timeoutSeconds)
                .allowedUpdates(List.of("message", "callback_query")).build();
    }

    @Override
    public synchronized void stop() throws Exception {
        if (application != null) {
            application.close();
            application = null;
        }
        if (pollDispatcher != null) {
            pollDispatcher.cancelAll();
            pollDispatcher.executorService().shutdownNow();
            pollDispatcher = null;
        }
        if (executor != null) {
            executor.shutdownNow();
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Telegram poller thread did not end within 10 s");
            }
            executor = null;
        }
        session = null;
    }

    /** False before start, after stop, or when the library's polling task ended. */
    public synchronized boolean isRunning() {
        return session != null && session.isRunning() && session.getRunningPolling() != null
                && !session.getRunningPolling().isDone();
    }

    /** When the last getUpdates call started (or polling started); null before start. */
    public Instant lastPollStarted() {
        return lastPollStarted.get();
    }

    public long polls() {
        return polls.get();
    }

    /** Between failed getUpdates calls: 0.5 s doubling to at most 30 s, reset by a success. */
    static final class BoundedBackOff implements BackOff {
        private static final long FIRST = 500;
        private static final long MAX = Duration.ofSeconds(30).toMillis();
        private long next = FIRST;

        @Override
        public synchronized void reset() {
            next = FIRST;
        }

        @Override
        public synchronized long nextBackOffMillis() {
            long current = next;
            next = Math.min(MAX, next * 2);
            return current;
        }
    }
}
