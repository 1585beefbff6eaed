package com.arbalert.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arbalert.bot.spi.CallRecord;
import com.arbalert.bot.spi.CallSentHook;
import com.arbalert.bot.spi.HttpReply;
import com.arbalert.bot.spi.HttpRequestView;
import com.arbalert.bot.subscribers.SubscriberRepository;
import com.arbalert.bot.sandbox.FakeTelegramServer;
import com.arbalert.bot.testing.TelegramBotHarness;
import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Calls posted to /v1/calls reach every subscriber through the fake Bot API; hooks see each broadcast. */
class AlertDeliveryTest {
    static final List<String> hookEvents = new CopyOnWriteArrayList<>();
    private static TelegramBotHarness bot;
    private static FakeTelegramServer fake;
    private static CallIngestRoute route;

    /** A hook that records, and one that throws: the second must not break delivery. */
    public static final class RecordingHook implements CallSentHook {
        @Override
        public void broadcastPlanned(CallRecord call, int recipients) {
            hookEvents.add("planned " + call.callId() + " " + recipients + " " + call.usersNotified() + " "
                    + (call.sentAt().getEpochSecond() > 0));
        }

        @Override
        public void broadcastFinished(long callId, int delivered) {
            hookEvents.add("finished " + callId + " " + delivered);
        }
    }

    public static final class ThrowingHook implements CallSentHook {
        @Override
        public void broadcastPlanned(CallRecord call, int recipients) {
            throw new IllegalStateException("broken hook");
        }

        @Override
        public void broadcastFinished(long callId, int delivered) {
            throw new IllegalStateException("broken hook");
        }
    }

    @BeforeAll
    static void start() {
        bot = TelegramBotHarness.builder().schemaPrefix("alerts").module(new AbstractModule() {
            @Override
            protected void configure() {
                Multibinder<CallSentHook> hooks = Multibinder.newSetBinder(binder(), CallSentHook.class);
                hooks.addBinding().to(ThrowingHook.class);
                hooks.addBinding().to(RecordingHook.class);
                bind(ThrowingHook.class);
                bind(RecordingHook.class);
            }
        }).start();
        fake = bot.fake();
        route = bot.get(CallIngestRoute.class);
        SubscriberRepository subscribers = bot.get(SubscriberRepository.class);
        subscribers.subscribe(201, 201, "ann", Locale.ENGLISH);
        subscribers.subscribe(202, 202, "benoit", Locale.FRENCH);
        subscribers.subscribe(203, 203, "gone", Locale.ENGLISH);
        subscribers.unsubscribe(203);
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    static String callJson(String teamA, String oddsA) {
        return """
                {"call_type": "arbitrage", "sport": "Basketball", "team_a": "%s", "team_b": "Celtics",
                 "match_date": "2026-12-01T19:30:00Z", "book_a": "Book & Co", "book_b": "<Bet365>",
                 "market": "Moneyline", "odds_a": %s, "odds_b": 105, "roi_percent": 2.35,
                 "stake_a": 100.00, "stake_b": 95.24, "profit_expected": 4.76}
                """.formatted(teamA, oddsA);
    }

    static HttpReply post(String body) throws Exception {
        return route.handle(new HttpRequestView(Map.of(), Map.of("content-type", "application/json"), body));
    }

    /** The alert of this call in a chat (other tests publish too). */
    static FakeTelegramServer.BotMessage alertFor(long chat, String callId) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> fake.messagesTo(chat).stream()
                .filter(m -> m.buttons().stream().anyMatch(b -> b.callbackData().equals("b:" + callId)))
                .findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> body(HttpReply reply) {
        return (Map<String, Object>) reply.body();
    }

    @Test
    void aPostedCallReachesEveryActiveSubscriberIntactWithItsButton() throws Exception {
        HttpReply reply = post(callJson("<Lakers & Co>", "-110"));
        assertThat(reply.status()).isEqualTo(202);
        assertThat(body(reply)).containsEntry("recipients", 2);
        String callId = (String) body(reply).get("call_id");
        assertThat(Long.parseLong(callId)).isPositive();

        FakeTelegramServer.BotMessage en = alertFor(201, callId);
        assertThat(en.text()).contains("ARBITRAGE", "Basketball", "<Lakers & Co> vs Celtics", "2026-12-01 19:30 UTC",
                "Market: Moneyline", "Book & Co: -110 — stake 100.00", "<Bet365>: +105 — stake 95.24", "ROI: 2.35%",
                "Expected profit: 4.76");
        assertThat(en.buttons()).containsExactly(new FakeTelegramServer.Button("I BET", "b:" + callId));
        FakeTelegramServer.BotMessage fr = alertFor(202, callId);
        assertThat(fr.text()).contains("Marché : Moneyline", "ROI : 2.35 %", "Gain attendu : 4.76");
        assertThat(fr.buttons()).containsExactly(new FakeTelegramServer.Button("JE PARIE", "b:" + callId));
        assertThat(fake.messagesTo(203)).isEmpty();

        await().atMost(Duration.ofSeconds(5)).until(() -> hookEvents.contains("finished " + callId + " 2"));
        assertThat(hookEvents).contains("planned " + callId + " 2 2 true");
        assertThat(hookEvents.stream().filter(e -> e.contains(callId))).hasSize(2);
        assertThat(bot.meters().counter("call_sent_hook.failures", "hook", ThrowingHook.class.getName()).count())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void anIdenticalCallWithinTheWindowIsNotSentAgain() throws Exception {
        HttpReply first = post(callJson("Nets", "-120"));
        assertThat(first.status()).isEqualTo(202);
        // same call written differently: spacing, case, trailing zeros
        HttpReply again = post(callJson("  nets ", "-120.0"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(body(again)).containsEntry("duplicate", true).containsEntry("recipients", 0)
                .containsEntry("call_id", body(first).get("call_id"));
        // another instance (or a restart) shares the table
        AlertFingerprints otherInstance = new AlertFingerprints(bot.dataSource());
        assertThat(otherInstance.claim(CallFingerprint.of(new CallJson(new com.fasterxml.jackson.databind.ObjectMapper())
                .parse(callJson("Nets", "-120"))), 1, java.time.Instant.now(), Duration.ofHours(1)))
                .hasValue(Long.parseLong((String) body(first).get("call_id")));
        // other odds: a new call
        assertThat(post(callJson("Nets", "-125")).status()).isEqualTo(202);
    }

    @Test
    void aCallOutsideTheWindowIsANewCall() throws Exception {
        AlertFingerprints calls = new AlertFingerprints(bot.dataSource());
        byte[] fingerprint = CallFingerprint.of(new CallJson(new com.fasterxml.jackson.databind.ObjectMapper())
                .parse(callJson("Knicks", "-130")));
        java.time.Instant t0 = java.time.Instant.parse("2026-01-01T10:00:00Z");
        assertThat(calls.claim(fingerprint, 11, t0, Duration.ofHours(1))).isEmpty();
        assertThat(calls.claim(fingerprint, 12, t0.plus(Duration.ofMinutes(59)), Duration.ofHours(1))).hasValue(11);
        assertThat(calls.claim(fingerprint, 13, t0.plus(Duration.ofMinutes(61)), Duration.ofHours(1))).isEmpty();
        assertThat(calls.claim(fingerprint, 14, t0.plus(Duration.ofMinutes(62)), Duration.ofHours(1))).hasValue(13);
    }

    @Test
    void badCallsAreRefusedNamingEveryBadField() throws Exception {
        HttpReply reply = post("""
                {"call_type": "arbitrage", "sport": 12, "team_a": "A", "team_b": "",
                 "match_date": "tomorrow", "book_a": "X", "book_b": "Y", "market": "M",
                 "odds_a": "-110", "odds_b": 105, "roi_percent": 2.3, "stake_a": 100, "stake_b": 90,
                 "profit_expected": 4, "colour": "blue"}
                """);
        assertThat(reply.status()).isEqualTo(400);
        @SuppressWarnings("unchecked")
        List<Map<String, String>> fields = (List<Map<String, String>>) body(reply).get("fields");
        assertThat(fields).extracting(f -> f.get("field"))
                .containsExactlyInAnyOrder("colour", "sport", "team_b", "match_date", "odds_a");
        assertThat(fields).filteredOn(f -> f.get("field").equals("colour")).extracting(f -> f.get("message"))
                .containsExactly("unknown field");
        assertThat(fields).filteredOn(f -> f.get("field").equals("odds_a")).extracting(f -> f.get("message"))
                .containsExactly("must be a number, got string");

        HttpReply malformed = post("{\"call_type\": \"arbitrage\",");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(body(malformed).get("fields").toString()).contains("body", "malformed JSON");
        assertThat(post("[1, 2]").status()).isEqualTo(400);
        assertThat(post("").status()).isEqualTo(400);

        HttpReply badType = post(callJson("A", "-110").replace("arbitrage", "lottery").replace("\"odds_b\": 105,",
                "\"odds_b\": 105, \"odds_format\": \"fractional\","));
        assertThat(badType.status()).isEqualTo(400);
        assertThat(body(badType).get("fields").toString()).contains("call_type", "odds_format");
    }
}
