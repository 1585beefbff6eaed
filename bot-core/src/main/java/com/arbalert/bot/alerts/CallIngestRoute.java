package com.arbalert.bot.alerts;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.spi.FieldError;
import com.arbalert.bot.spi.HttpReply;
import com.arbalert.bot.spi.HttpRequestView;
import com.arbalert.bot.spi.HttpRoute;
import com.arbalert.bot.spi.InvalidInputException;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/calls}: a scanner in another process publishes a call. The core's server has
 * already checked the ingest token (401) and the body size (413 over 64 KiB).
 * <ul>
 * <li>202 {@code {"call_id": "...", "recipients": N}} when queued for N subscribers;</li>
 * <li>200 {@code {"call_id": "<first>", "recipients": 0, "duplicate": true}} for a call identical to
 * one published within ALERT_DEDUP_WINDOW;</li>
 * <li>400 {@code {"error": "...", "fields": [{"field": ..., "message": ...}]}} naming every bad field.</li>
 * </ul>
 * Ids are strings: 64-bit ids lose digits as JavaScript numbers.
 */
public final class CallIngestRoute implements HttpRoute {
    private final CallJson json;
    private final AlertPublisher publisher;

    @Inject
    public CallIngestRoute(CallJson json, AlertPublisher publisher) {
        this.json = requireNonNull(json, "json");
        this.publisher = requireNonNull(publisher, "publisher");
    }

    @Override
    public Method method() {
        return Method.POST;
    }

    @Override
    public String path() {
        return "/v1/calls";
    }

    @Override
    public Access access() {
        return Access.INGEST_TOKEN;
    }

    @Override
    public HttpReply handle(HttpRequestView request) throws Exception {
        PublishResult result;
        try {
            result = publisher.publish(json.parse(request.body()));
        } catch (InvalidInputException e) {
            return new HttpReply(400, error(e.errors()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("call_id", Long.toString(result.callId()));
        body.put("recipients", result.recipients());
        if (result.duplicate()) {
            body.put("duplicate", true);
            return new HttpReply(200, body);
        }
        return new HttpReply(202, body);
    }

    private static Map<String, Object> error(List<FieldError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "invalid call: " + errors.size() + (errors.size() == 1 ? " bad field" : " bad fields"));
        body.put("fields", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        return body;
    }
}
