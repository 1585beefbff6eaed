package com.arbalert.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.arbalert.bot.spi.Health;
import com.arbalert.bot.spi.HealthContributor;
import com.arbalert.bot.spi.HttpReply;
import com.arbalert.bot.spi.HttpRequestView;
import com.arbalert.bot.spi.HttpRoute;
import com.arbalert.bot.testing.TestBot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicBoolean QUEUE_UP = new AtomicBoolean(true);
    private static final AtomicBoolean SLOW = new AtomicBoolean(false);
    private static TestBot bot;

    /** Echoes what the route saw, so the test checks the body and headers arrive untouched. */
    static final class EchoRoute implements HttpRoute {
        @Override
        public Method method() {
            return Method.POST;
        }

        @Override
        public String path() {
            return "/v1/echo";
        }

        @Override
        public Access access() {
            return Access.INGEST_TOKEN;
        }

        @Override
        public HttpReply handle(HttpRequestView request) {
            if (request.body().contains("boom")) {
                throw new IllegalStateException("secret internals");
            }
            return new HttpReply(202, Map.of("body", request.body(), "at", Instant.parse("2026-01-02T03:04:05Z"),
                    "mode", request.queryParam("mode").orElse("-")));
        }
    }

    static final class TestRoutes extends AbstractModule {
        @Override
        protected void configure() {
            Multibinder.newSetBinder(binder(), HttpRoute.class).addBinding().toInstance(new EchoRoute());
            Multibinder.newSetBinder(binder(), HealthContributor.class).addBinding().toInstance(new HealthContributor() {
                @Override
                public String name() {
                    return "queue";
                }

                @Override
                public Health check() {
                    return new Health(QUEUE_UP.get(), Map.of("depth", 3));
                }
            });
            Multibinder.newSetBinder(binder(), HealthContributor.class).addBinding().toInstance(new HealthContributor() {
                @Override
                public String name() {
                    return "slow";
                }

                @Override
                public Health check() {
                    if (SLOW.get()) {
                        try {
                            Thread.sleep(20_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return Health.up(Map.of());
                }
            });
        }
    }

    @BeforeAll
    static void start() {
        bot = TestBot.builder().module(new TestRoutes()).start();
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder post(URI uri, String body) {
        return HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
    }

    @Test
    void healthIsUpWithEveryContributorThenDownWhenOneIsDown() throws Exception {
        HttpResponse<String> up = send(HttpRequest.newBuilder(bot.uri("/healthz")));
        assertThat(up.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(up.body());
        assertThat(body.get("status").asText()).isEqualTo("UP");
        assertThat(body.at("/checks/database/status").asText()).isEqualTo("UP");
        assertThat(body.at("/checks/queue/depth").asInt()).isEqualTo(3);
        assertThat(body.at("/checks/probe-plugin/status").asText()).isEqualTo("UP");

        QUEUE_UP.set(false);
        try {
            HttpResponse<String> down = send(HttpRequest.newBuilder(bot.uri("/healthz")));
            assertThat(down.statusCode()).isEqualTo(503);
            JsonNode downBody = JSON.readTree(down.body());
            assertThat(downBody.get("status").asText()).isEqualTo("DOWN");
            assertThat(downBody.at("/checks/queue/status").asText()).isEqualTo("DOWN");
            assertThat(downBody.at("/checks/database/status").asText()).isEqualTo("UP");
        } finally {
            QUEUE_UP.set(true);
        }
    }

    @Test
    void aContributorThatHangsMakesHealthDownWithinTheTimeLimit() throws Exception {
        SLOW.set(true);
        try {
            long t0 = System.nanoTime();
            HttpResponse<String> r = send(HttpRequest.newBuilder(bot.uri("/healthz")));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(r.body()).at("/checks/slow/error").asText()).isEqualTo("no answer within 3s");
            assertThat(JSON.readTree(r.body()).at("/checks/database/status").asText()).isEqualTo("UP");
            assertThat(ms).isBetween(2_900L, 6_000L);
        } finally {
            SLOW.set(false);
        }
    }

    @Test
    void metricsAreInPrometheusFormatWithJvmAndPoolMeters() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(bot.uri("/metrics")));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(r.body())
                .contains("# TYPE jvm_memory_used_bytes gauge")
                .contains("jvm_threads_live_threads")
                .contains("jvm_classes_loaded_classes")
                .contains("system_cpu_count")
                .contains("hikaricp_connections_max{pool=\"bot\"}");
    }

    @Test
    void ingestRouteNeedsTheBearerToken() throws Exception {
        HttpResponse<String> none = send(post(bot.uri("/v1/echo"), "{}"));
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(none.body()).get("error").asText()).contains("bearer token");

        HttpResponse<String> wrong = send(post(bot.uri("/v1/echo"), "{}").header("Authorization", "Bearer " + TestBot.INGEST_TOKEN + "x"));
        assertThat(wrong.statusCode()).isEqualTo(401);

        HttpResponse<String> ok = send(post(bot.uri("/v1/echo?mode=fast"), "{not json, the route decides}")
                .header("Authorization", "Bearer " + TestBot.INGEST_TOKEN));
        assertThat(ok.statusCode()).isEqualTo(202);
        JsonNode body = JSON.readTree(ok.body());
        assertThat(body.get("body").asText()).isEqualTo("{not json, the route decides}");
        assertThat(body.get("at").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(body.get("mode").asText()).isEqualTo("fast");
        assertThat(ok.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    }

    @Test
    void bodyOver64KiBIsRefusedWith413() throws Exception {
        String justFits = "x".repeat(64 * 1024);
        HttpResponse<String> fits = send(post(bot.uri("/v1/echo"), justFits).header("Authorization", "Bearer " + TestBot.INGEST_TOKEN));
        assertThat(fits.statusCode()).isEqualTo(202);

        HttpResponse<String> tooLarge = send(post(bot.uri("/v1/echo"), justFits + "x")
                .header("Authorization", "Bearer " + TestBot.INGEST_TOKEN));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(tooLarge.body()).get("error").asText()).contains("64KiB");
    }

    @Test
    void aFailingRouteAnswers500WithoutItsInternals() throws Exception {
        HttpResponse<String> r = send(post(bot.uri("/v1/echo"), "boom").header("Authorization", "Bearer " + TestBot.INGEST_TOKEN));
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).isEqualTo("{\"error\":\"internal error\"}");
    }

    @Test
    void unknownPathIs404Json() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(bot.uri("/nope")));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(r.body()).get("error").asText()).contains("/nope");
    }

    @Test
    void ingestRoutesAnswer503WhenNoTokenIsConfigured() throws Exception {
        try (TestBot open = TestBot.builder().withoutPlugins().config("INGEST_TOKEN", null).module(new TestRoutes()).start()) {
            HttpResponse<String> r = send(post(open.uri("/v1/echo"), "{}").header("Authorization", "Bearer anything"));
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(r.body()).get("error").asText()).contains("INGEST_TOKEN");
        }
    }
}
