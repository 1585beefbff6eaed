package com.arbalert.calllogger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arbalert.bot.questionnaire.QuestionnaireScheduler;
import com.arbalert.bot.sandbox.FakeTelegramServer;
import com.arbalert.bot.sandbox.FakeTelegramServer.BotMessage;
import com.arbalert.bot.testing.TestBot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole bot with the call logger found as a plugin, against the fake Bot API and a real
 * MariaDB: a call posted over HTTP, I BET presses, questionnaire answers, and /stats, all read
 * back from the logger's tables and from what the admin sees in Telegram.
 */
class CallLoggerThroughTheBotTest {
    static final long ADMIN = 900;
    static final long ANN = 1001;
    static final long BOB = 1002;
    static final long CAT = 1003;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FakeTelegramServer telegram;
    private static TestBot bot;

    @BeforeAll
    static void start() {
        telegram = WholeBot.fakeTelegram();
        bot = WholeBot.builder(telegram, ADMIN).start();
    }

    @AfterAll
    static void stop() {
        if (bot != null) {
            bot.close();
        }
        if (telegram != null) {
            telegram.close();
        }
    }

    @Test
    void aCallItsClicksAndItsResultsReachTheLogAndStats() throws Exception {
        for (long user : List.of(ANN, BOB, CAT)) {
            telegram.userSends(user, "/start", "en");
            await().until(() -> telegram.lastMessageTo(user).isPresent());
        }
        // the match is over already, so the questionnaire is due as soon as the scheduler looks
        Instant matchDate = Instant.now().minus(Duration.ofHours(6)).truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> posted = post("/v1/calls", callJson("Sharks", matchDate));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        long callId = Long.parseLong(JSON.readTree(posted.body()).get("call_id").asText());

        DataSource db = bot.get(DataSource.class);
        await().atMost(Duration.ofSeconds(15)).until(() -> number(db, "SELECT users_notified FROM arbitrage_calls"
                + " WHERE call_id = " + callId), n -> n != null && n.intValue() == 3);
        assertThat(text(db, "SELECT CONCAT(team_a, '|', book_a, '|', sport) FROM arbitrage_calls WHERE call_id = "
                + callId)).isEqualTo("Sharks|Book & Co|Hockey");

        BotMessage annAlert = awaitMessage(ANN, m -> m.buttons().size() == 1 && m.text().contains("Sharks"));
        BotMessage bobAlert = awaitMessage(BOB, m -> m.buttons().size() == 1 && m.text().contains("Sharks"));
        String bet = annAlert.buttons().get(0).callbackData();
        awaitAnswer(telegram.userPresses(ANN, annAlert.messageId(), bet));
        awaitAnswer(telegram.userPresses(ANN, annAlert.messageId(), bet));
        awaitAnswer(telegram.userPresses(BOB, bobAlert.messageId(), bobAlert.buttons().get(0).callbackData()));
        await().atMost(Duration.ofSeconds(15)).until(() -> number(db, "SELECT users_clicked FROM arbitrage_calls"
                + " WHERE call_id = " + callId), n -> n != null && n.intValue() == 2);

        assertThat(bot.get(QuestionnaireScheduler.class).checkNow().opened()).isEqualTo(2);
        answer(ANN, 0, "12.50");
        answer(BOB, 0, "-3");
        await().atMost(Duration.ofSeconds(15)).until(() -> text(db, "SELECT CONCAT(outcome, '|', profit_actual)"
                + " FROM arbitrage_calls WHERE call_id = " + callId), "a_won|9.50"::equals);

        telegram.userSends(ADMIN, "/stats 7d hockey", "en");
        BotMessage stats = awaitMessage(ADMIN, m -> m.text().startsWith("Calls, last 7d"));
        assertThat(stats.html()).startsWith("<pre>");
        assertThat(stats.text().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(32))
                .contains("Sport: hockey", "Calls                          1", "Notified                       3",
                        "Clicked                        2", "Conversion                66.67%",
                        "Results                        1", "Profit reported            +9.50",
                        "Hockey                  1  66.7%", "Book pair           Calls   Conv");

        telegram.userSends(CAT, "/stats", "en");
        BotMessage refused = awaitMessage(CAT, m -> m.text().contains("administrators"));
        assertThat(refused.text()).isEqualTo("Sorry, this command is for the bot's administrators.");
        assertThat(telegram.messagesTo(CAT)).noneMatch(m -> m.text().contains("Conversion"));

        telegram.userSends(ADMIN, "/stats 7x NBA", "fr");
        // an admin who never chose a language with /lang gets the one of their Telegram client
        awaitMessage(ADMIN, m -> m.text().startsWith("Usage : /stats [période] [sport]"));
        telegram.userSends(ADMIN, "/stats 2w", "fr");
        BotMessage french = awaitMessage(ADMIN, m -> m.text().startsWith("Alertes, derniers 2w"));
        assertThat(french.text().lines()).contains("Conversion                66,67%", "Profit déclaré             +9,50");
    }

    @Test
    void statsOverHttpAreTheSameFiguresAsJsonAndBadParametersAre400() throws Exception {
        HttpResponse<String> ok = get("/v1/stats?period=24h", true);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(ok.body());
        assertThat(report.get("period").asText()).isEqualTo("24h");
        assertThat(report.get("summary").get("calls").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(report.get("logger").get("dropped").asLong()).isZero();
        assertThat(report.has("bySport") && report.has("topBookPairs") && report.has("byHourUtc")
                && report.has("byRoi")).isTrue();

        HttpResponse<String> bad = get("/v1/stats?period=7x", true);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("error").asText()).contains("period", "24h, 7d, 4w");
        assertThat(get("/v1/stats?periode=7d", true).statusCode()).isEqualTo(400);
        assertThat(get("/v1/stats", false).statusCode()).isEqualTo(401);

        HttpResponse<String> health = get("/healthz", false);
        assertThat(JSON.readTree(health.body()).get("checks").has("call-logger")).as(health.body()).isTrue();
        assertThat(get("/metrics", false).body()).contains("calllogger_events_accepted_total",
                "calllogger_queue_depth");
    }

    private void answer(long user, int button, String profit) {
        BotMessage question = awaitMessage(user, m -> m.text().startsWith("📋") && !m.buttons().isEmpty());
        awaitAnswer(telegram.userPresses(user, question.messageId(), question.buttons().get(button).callbackData()));
        awaitMessage(user, BotMessage::forceReply);
        telegram.userSends(user, profit, "en");
    }

    static String callJson(String teamA, Instant matchDate) {
        return """
                {"call_type": "arbitrage", "sport": "Hockey", "team_a": "%s", "team_b": "Oilers",
                 "match_date": "%s", "book_a": "Book & Co", "book_b": "Bet365",
                 "market": "Moneyline", "odds_a": -110, "odds_b": 105, "roi_percent": 2.35,
                 "stake_a": 100.00, "stake_b": 95.24, "profit_expected": 4.76}
                """.formatted(teamA, matchDate);
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(bot.uri(path)).header("Authorization", "Bearer " + TestBot.INGEST_TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path, boolean token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(bot.uri(path).toString()));
        if (token) {
            request.header("Authorization", "Bearer " + TestBot.INGEST_TOKEN);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitAnswer(String callbackQueryId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> telegram.answerTo(callbackQueryId).isPresent());
    }

    static BotMessage awaitMessage(long chat, Predicate<BotMessage> wanted) {
        await().atMost(Duration.ofSeconds(10)).until(() -> latest(chat, wanted).isPresent());
        return latest(chat, wanted).orElseThrow();
    }

    private static Optional<BotMessage> latest(long chat, Predicate<BotMessage> wanted) {
        List<BotMessage> messages = telegram.messagesTo(chat);
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (wanted.test(messages.get(i))) {
                return Optional.of(messages.get(i));
            }
        }
        return Optional.empty();
    }

    static BigDecimal number(DataSource db, String sql) throws SQLException {
        String v = text(db, sql);
        return v == null ? null : new BigDecimal(v);
    }

    /** Each row as its columns joined by '|'. */
    static List<String> rows(DataSource db, String sql) throws SQLException {
        List<String> rows = new java.util.ArrayList<>();
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    static String text(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
