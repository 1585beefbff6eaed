package com.arbalert.bot.http;

import com.arbalert.bot.config.Config;
import com.arbalert.bot.config.ConfigDescription;
import com.arbalert.bot.config.ConfigSecret;
import com.arbalert.bot.config.DataSize;
import java.util.Optional;

/** The HTTP server: health, metrics and the routes plugins contribute. */
public class HttpConfig {
    private int port = 8080;
    private String ingestToken;
    private DataSize maxBody = DataSize.ofKibibytes(64);

    public int getPort() {
        return port;
    }

    @Config("HTTP_PORT")
    @ConfigDescription("port of /healthz, /metrics and the ingest API; 0 picks a free port")
    public HttpConfig setPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("must be 1..65535 (or 0 for any free port)");
        }
        this.port = port;
        return this;
    }

    /** Empty: routes that need it answer 503. */
    public Optional<String> getIngestToken() {
        return Optional.ofNullable(ingestToken);
    }

    @Config("INGEST_TOKEN")
    @ConfigSecret
    @ConfigDescription("bearer token required by POST /v1/calls and other ingest routes")
    public HttpConfig setIngestToken(String ingestToken) {
        if (ingestToken.length() < 8) {
            throw new IllegalArgumentException("must be at least 8 characters long");
        }
        this.ingestToken = ingestToken;
        return this;
    }

    public DataSize getMaxBody() {
        return maxBody;
    }

    @Config("HTTP_MAX_BODY")
    @ConfigDescription("largest request body accepted; larger ones get 413")
    public HttpConfig setMaxBody(DataSize maxBody) {
        if (maxBody.bytes() < 1024 || maxBody.bytes() > 16L * 1024 * 1024) {
            throw new IllegalArgumentException("must be 1KiB..16MiB");
        }
        this.maxBody = maxBody;
        return this;
    }
}
