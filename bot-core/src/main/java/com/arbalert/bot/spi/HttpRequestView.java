package com.arbalert.bot.spi;

import java.util.Map;
import java.util.Optional;

/** What a route sees of a request. Header names are lower-case. */
public record HttpRequestView(Map<String, String> query, Map<String, String> headers, String body) {
    public HttpRequestView {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(query.get(name));
    }
}
