package com.arbalert.bot.http;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.spi.HttpReply;
import com.arbalert.bot.spi.HttpRequestView;
import com.arbalert.bot.spi.HttpRoute;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Puts a {@link HttpRoute} behind authentication, the body limit and JSON replies. */
final class RouteAdapter {
    private static final Logger log = LoggerFactory.getLogger(RouteAdapter.class);

    private final HttpConfig config;
    private final ObjectMapper json;

    RouteAdapter(HttpConfig config, ObjectMapper json) {
        this.config = requireNonNull(config, "config");
        this.json = requireNonNull(json, "json");
    }

    void handle(HttpRoute route, Context ctx) throws Exception {
        if (route.access() == HttpRoute.Access.INGEST_TOKEN) {
            Optional<String> token = config.getIngestToken();
            if (token.isEmpty()) {
                error(ctx, 503, "this endpoint is disabled: INGEST_TOKEN is not configured");
                return;
            }
            if (!bearerMatches(ctx.header("Authorization"), token.get())) {
                ctx.header("WWW-Authenticate", "Bearer");
                error(ctx, 401, "missing or wrong bearer token");
                return;
            }
        }
        long limit = config.getMaxBody().bytes();
        if (ctx.contentLength() > limit) {
            error(ctx, 413, "the body is larger than " + config.getMaxBody());
            return;
        }
        byte[] body = route.method() == HttpRoute.Method.POST ? ctx.bodyAsBytes() : new byte[0];
        if (body.length > limit) {
            error(ctx, 413, "the body is larger than " + config.getMaxBody());
            return;
        }
        HttpRequestView request = new HttpRequestView(query(ctx), headers(ctx), new String(body, StandardCharsets.UTF_8));
        HttpReply reply;
        try {
            reply = route.handle(request);
        } catch (Exception e) {
            log.error("{} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal error");
            return;
        }
        ctx.status(reply.status()).contentType("application/json");
        ctx.result(json.writeValueAsBytes(reply.body()));
    }

    void error(Context ctx, int status, String message) {
        try {
            ctx.status(status).contentType("application/json").result(json.writeValueAsBytes(Map.of("error", message)));
        } catch (Exception e) {
            ctx.status(status).result("{\"error\":\"internal error\"}");
        }
    }

    /** Constant-time, so the response time tells nothing about how much of a guess was right. */
    static boolean bearerMatches(String header, String token) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> query(Context ctx) {
        Map<String, String> query = new HashMap<>();
        for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
            if (!e.getValue().isEmpty()) {
                query.put(e.getKey(), e.getValue().get(0));
            }
        }
        return query;
    }

    private static Map<String, String> headers(Context ctx) {
        Map<String, String> headers = new HashMap<>();
        ctx.headerMap().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        return headers;
    }
}
