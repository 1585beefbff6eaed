package com.arbalert.bot.http;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.spi.Health;
import com.arbalert.bot.spi.HealthContributor;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks every contributor in parallel; one that is DOWN, throws, or does not answer within
 * {@link #TIME_LIMIT} makes the whole report DOWN, so a probe gets its answer in bounded time.
 */
@Singleton
public final class HealthCheck {
    private static final Logger log = LoggerFactory.getLogger(HealthCheck.class);
    public static final Duration TIME_LIMIT = Duration.ofSeconds(3);

    private final Set<HealthContributor> contributors;

    @Inject
    public HealthCheck(Set<HealthContributor> contributors) {
        this.contributors = requireNonNull(contributors, "contributors");
    }

    public record Report(boolean up, Map<String, Object> body) {
    }

    public Report check(Executor executor) {
        Map<HealthContributor, CompletableFuture<Health>> running = new LinkedHashMap<>();
        for (HealthContributor contributor : contributors) {
            running.put(contributor, CompletableFuture.supplyAsync(contributor::check, executor));
        }
        long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
        boolean up = true;
        Map<String, Object> checks = new LinkedHashMap<>();
        for (Map.Entry<HealthContributor, CompletableFuture<Health>> e : running.entrySet()) {
            Health health = await(e.getKey(), e.getValue(), deadline);
            up &= health.up();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("status", health.up() ? "UP" : "DOWN");
            entry.putAll(health.details());
            checks.put(e.getKey().name(), entry);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("checks", checks);
        return new Report(up, body);
    }

    private static Health await(HealthContributor contributor, CompletableFuture<Health> future, long deadline) {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return Health.down(Map.of("error", "no answer within " + TIME_LIMIT.toSeconds() + "s"));
        } catch (ExecutionException e) {
            log.warn("Health check {} failed", contributor.name(), e.getCause());
            return Health.down(Map.of("error", String.valueOf(e.getCause().getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down(Map.of("error", "interrupted"));
        }
    }
}
