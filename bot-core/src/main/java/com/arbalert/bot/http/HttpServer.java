package com.arbalert.bot.http;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.spi.HttpRoute;
import com.arbalert.bot.spi.Service;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server on HTTP_PORT: {@code /healthz}, {@code /metrics} and every bound {@link HttpRoute}.
 * Started last and stopped first, so no request arrives before the services it needs.
 */
@Singleton
public final class HttpServer implements Service {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

    private final HttpConfig config;
    private final Set<HttpRoute> routes;
    private final HealthCheck health;
    private final PrometheusMeterRegistry registry;
    private final ObjectMapper json;
    private Javalin app;
    private ExecutorService healthThreads;
    private volatile int port = -1;

    @Inject
    public HttpServer(HttpConfig config, Set<HttpRoute> routes, HealthCheck health, PrometheusMeterRegistry registry, ObjectMapper json) {
        this.config = requireNonNull(config, "config");
        this.routes = requireNonNull(routes, "routes");
        this.health = requireNonNull(health, "health");
        this.registry = requireNonNull(registry, "registry");
        this.json = requireNonNull(json, "json");
    }

    @Override
    public int phase() {
        return PHASE_INGRESS;
    }

    @Override
    public String name() {
        return "http server";
    }

    @Override
    public synchronized void start() {
        checkUniquePaths();
        RouteAdapter adapter = new RouteAdapter(config, json);
        ExecutorService checks = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "health-check");
            t.setDaemon(true);
            return t;
        });
        healthThreads = checks;
        app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            // our own check answers 413 first; this is Jetty's backstop for bodies without a length
            c.http.maxRequestSize = config.getMaxBody().bytes() * 2;
            c.routes.get("/healthz", ctx -> {
                HealthCheck.Report report = health.check(checks);
                ctx.status(report.up() ? 200 : 503).contentType("application/json").result(json.writeValueAsBytes(report.body()));
            });
            c.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
            for (HttpRoute route : routes) {
                HandlerType type = route.method() == HttpRoute.Method.GET ? HandlerType.GET : HandlerType.POST;
                c.routes.addHttpHandler(type, route.path(), ctx -> adapter.handle(route, ctx));
            }
            c.routes.error(404, ctx -> {
                // a route's own 404 is JSON already; Javalin's "Endpoint ... not found" is plain text
                String type = ctx.res().getContentType();
                if (type == null || !type.startsWith("application/json")) {
                    adapter.error(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path());
                }
            });
            c.routes.exception(Exception.class, (e, ctx) -> {
                log.error("{} {} failed", ctx.method(), ctx.path(), e);
                adapter.error(ctx, 500, "internal error");
            });
        });
        try {
            app.start("0.0.0.0", config.getPort());
        } catch (RuntimeException e) {
            stop(); // the lifecycle only stops services that started
            throw e;
        }
        port = app.port();
        log.info("HTTP server listening on port {} with {} route(s) besides /healthz and /metrics", port, routes.size());
    }

    @Override
    public synchronized void stop() {
        if (app != null) {
            app.stop();
            app = null;
        }
        if (healthThreads != null) {
            healthThreads.shutdownNow();
            healthThreads = null;
        }
        port = -1;
    }

    /** The bound port (useful with HTTP_PORT=0), -1 when not running. */
    public int port() {
        return port;
    }

    private void checkUniquePaths() {
        Set<String> seen = new HashSet<>(List.of("GET /healthz", "GET /metrics"));
        for (HttpRoute route : routes) {
            String key = route.method() + " " + route.path();
            if (!route.path().startsWith("/") || !seen.add(key)) {
                throw new IllegalStateException("HTTP route " + key + " is bound twice or does not start with '/' ("
                        + route.getClass().getName() + ")");
            }
        }
    }
}
