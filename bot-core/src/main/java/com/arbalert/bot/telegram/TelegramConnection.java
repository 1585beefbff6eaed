package com.arbalert.bot.telegram;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.spi.Service;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The bot's one HTTP client and one {@link TelegramClient}. Owns OkHttp's dispatcher threads and
 * connection pool and releases them on stop: left alone they keep the JVM alive. Started before
 * and stopped after everything that calls Telegram.
 */
@Singleton
public final class TelegramConnection implements Service {
    private final BotAccount account;
    private final Dispatcher dispatcher;
    private final ConnectionPool pool;
    private final OkHttpClient http;
    private volatile TelegramClient client;
    private final Duration timeout;

    @Inject
    public TelegramConnection(BotAccount account, TelegramConfig config) {
        this.account = requireNonNull(account, "account");
        this.dispatcher = new Dispatcher();
        // OkHttp queues beyond 5 calls per host; a queued send arrives late, bunched with later ones
        dispatcher.setMaxRequests(256);
        dispatcher.setMaxRequestsPerHost(256);
        this.pool = new ConnectionPool(32, 5, TimeUnit.MINUTES);
        this.timeout = config.getRequestTimeout();
        this.http = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(pool)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .callTimeout(timeout)
                .build();
    }

    @Override
    public int phase() {
        return PHASE_CORE - 1;
    }

    /** The client every Bot API call goes through; every call has the configured timeout. */
    public TelegramClient client() {
        TelegramClient c = client;
        if (c == null) {
            throw new IllegalStateException("the Telegram connection is not started");
        }
        return c;
    }

    /**
     * Calls the Bot API asynchronously with the configured timeout. The library's own future never
     * completes when a 200 answer is not a Bot API response, so nothing may wait on it unbounded.
     */
    public <T extends Serializable, M extends BotApiMethod<T>> CompletableFuture<T> call(M method) {
        CompletableFuture<T> call;
        try {
            call = client().executeAsync(method);
        } catch (TelegramApiException | RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        return call.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** For long polling: the same threads and connections, with a longer read timeout. */
    public OkHttpClient httpWithReadTimeout(Duration readTimeout) {
        return http.newBuilder().readTimeout(readTimeout).callTimeout(readTimeout).build();
    }

    public TelegramUrl telegramUrl() {
        URI url = account.apiUrl();
        String scheme = url.getScheme() == null ? "https" : url.getScheme();
        int port = url.getPort() > 0 ? url.getPort() : "http".equals(scheme) ? 80 : 443;
        return new TelegramUrl(scheme, url.getHost(), port, false);
    }

    public String botToken() {
        return account.botToken();
    }

    @Override
    public void start() {
        // the token is read here, not when the object graph is built, so that commands that never
        // reach Telegram (migrate) need none; OkHttp connects on first use
        client = new OkHttpTelegramClient(http, account.botToken(), telegramUrl());
    }

    @Override
    public void stop() throws InterruptedException {
        dispatcher.cancelAll();
        dispatcher.executorService().shutdown();
        if (!dispatcher.executorService().awaitTermination(5, TimeUnit.SECONDS)) {
            dispatcher.executorService().shutdownNow();
        }
        pool.evictAll();
    }
}
