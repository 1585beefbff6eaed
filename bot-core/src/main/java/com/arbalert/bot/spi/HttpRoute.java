package com.arbalert.bot.spi;

/**
 * An HTTP endpoint on HTTP_PORT, contributed with Multibinder. The core's server authenticates
 * (see {@link Access}), reads the body (limit 64 KiB) and renders the reply's body as JSON.
 */
public interface HttpRoute {

    enum Method { GET, POST }

    enum Access {
        PUBLIC,
        /** {@code Authorization: Bearer <INGEST_TOKEN>}; anything else gets 401. */
        INGEST_TOKEN
    }

    Method method();

    /** An exact path, such as {@code /v1/stats}. */
    String path();

    Access access();

    HttpReply handle(HttpRequestView request) throws Exception;
}
