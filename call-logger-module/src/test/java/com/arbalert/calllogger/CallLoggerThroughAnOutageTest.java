package com.arbalert.calllogger;

import static com.arbalert.calllogger.CallLoggerThroughTheBotTest.callJson;
import static com.arbalert.calllogger.CallLoggerThroughTheBotTest.number;
import static com.arbalert.calllogger.CallLoggerThroughTheBotTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arbalert.bot.db.EmbeddedMariaDb;
import com.arbalert.bot.questionnaire.QuestionnaireScheduler;
import com.arbalert.bot.sandbox.FakeTelegramServer;
import com.arbalert.bot.sandbox.FakeTelegramServer.BotMessage;
import com.arbalert.bot.testing.TestBot;
import com.arbalert.bot.testing.TestDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database stops in the middle of the flow and starts again, under the whole bot. The bot's
 * own tables need the database too, so a press during the outage is answered with an error and
 * not counted; what must be exact is every event the logger accepted: it journals them and
 * replays them, and the call log comes out as if nothing had happened.
 */
class CallLoggerThroughAnOutageTest {
    private static final long ADMIN = 500;
    private static final long ANN = 501;
    private static final long BOB = 502;
    private static final long CAT = 503;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void everyEventTheLoggerAcceptedIsInTheLogAfterTheDatabaseComesBack() throws Exception {
        EmbeddedMariaDb db = new EmbeddedMariaDb(home.resolve("mariadb"), "outage");
        db.start();
        TestDatabase.Schema schema = new TestDatabase.Schema(
                new TestDatabase.Server("jdbc:mariadb://127.0.0.1:" + db.port() + "/", "root", "", "embedded"), "outage");
        try (FakeTelegramServer telegram = WholeBot.fakeTelegram();
                TestBot bot = WholeBot.builder(telegram, ADMIN).schema(schema)
                        // fail fast while the server is away, so the bot answers instead of hanging
                        .config("DB_URL", schema.jdbcUrl() + "?connectTimeout=1000&socketTimeout=10000")
                        .config("DB_CONNECT_TIMEOUT", "1s")
                        // events wait in memory long enough for the outage to catch some of them
                        .config("CALL_LOGGER_FLUSH_INTERVAL", "3s")
                        .config("CALL_LOGGER_OUTAGE_BEFORE_JOURNAL", "500ms")
                        .config("CALL_LOGGER_RETRY_BACKOFF_MAX", "1s")
                        // the admin alert thresholds, scaled down from 2m and 10m
                        .config("CALL_LOGGER_ALERT_OUTAGE", "3s")
                        .config("CALL_LOGGER_ALERT_REPEAT", "1s")
                        .config("CALL_LOGGER_HEALTH_CHECK_INTERVAL", "200ms")
                        .start()) {
            Flow flow = new Flow(telegram, bot);
            for (long user : List.of(ANN, BOB, CAT)) {
                telegram.userSends(user, "/start", "en");
                await().until(() -> telegram.lastMessageTo(user).isPresent());
            }
            DataSource ds = bot.get(DataSource.class);
            CallLogger logger = bot.get(CallLogger.class);
            Instant over = Instant.now().minus(Duration.ofHours(6)).truncatedTo(ChronoUnit.SECONDS);
            long first = flow.post(callJson("Flames", over));
            flow.pressBet(ANN, "Flames");
            flow.pressBet(BOB, "Flames");
            await().atMost(Duration.ofSeconds(20)).until(() -> number(ds, "SELECT users_clicked FROM arbitrage_calls"
                    + " WHERE call_id = " + first), n -> n != null && n.intValue() == 2);

            long second = flow.post(callJson("Canucks", Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS)));
            db.stop();
            await().atMost(Duration.ofSeconds(30)).until(() -> logger.health().journaled() > 0);
            String press = telegram.userPresses(CAT, flow.alert(CAT, "Canucks").messageId(),
                    flow.alert(CAT, "Canucks").buttons().get(0).callbackData());
            await().atMost(Duration.ofSeconds(20)).until(() -> telegram.answerTo(press).isPresent());
            assertThat(telegram.answerTo(press).orElseThrow().text()).isEqualTo(
                    "Something went wrong, please press again in a moment.");
            // /stats still answers through Telegram, with the logger's own figures
            telegram.userSends(ADMIN, "/stats 7d", "en");
            BotMessage stats = flow.awaitMessage(ADMIN, m -> m.text().startsWith("The database is not answering"));
            assertThat(stats.text()).startsWith("The database is not answering: no stats for now.\nCall logger\n")
                    .containsPattern("Journaled +[1-9]");
            assertThat(stats.html()).startsWith("<pre>");

            BotMessage alert = flow.awaitMessage(ADMIN, m -> m.text().startsWith("⚠️ Call logger: events have waited"));
            assertThat(alert.text()).contains("They are kept in the journal");

            db.start();
            flow.awaitMessage(ADMIN, m -> m.text().equals("✅ Call logger: the database takes events again."));
            flow.pressBet(CAT, "Canucks");
            assertThat(bot.get(QuestionnaireScheduler.class).checkNow().opened()).isEqualTo(2);
            flow.answer(ANN, "10");
            flow.answer(BOB, "5.25");

            await().atMost(Duration.ofSeconds(60)).until(() -> logger.health().written() == logger.health().accepted()
                    && !logger.health().journaling());
            LoggerHealth h = logger.health();
            assertThat(h.dropped()).isZero();
            assertThat(h.replayed()).isPositive();
            // call, delivery, 2 clicks, 2 results of the first; call, delivery, 1 click of the second
            assertThat(h.accepted()).isEqualTo(9);
            // the counters of calls written in earlier batches are folded in within CALL_LOGGER_DERIVE_INTERVAL
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(CallLoggerThroughTheBotTest.rows(ds,
                    "SELECT call_id, users_notified, users_clicked, outcome, profit_actual FROM arbitrage_calls"
                    + " ORDER BY call_id")).containsExactly(first + "|3|2|a_won|15.25", second + "|3|1|null|null"));
            assertThat(CallLoggerThroughTheBotTest.rows(ds, "SELECT call_id, user_id FROM call_clicks ORDER BY call_id,"
                    + " user_id")).containsExactly(first + "|" + ANN, first + "|" + BOB, second + "|" + CAT);
            assertThat(text(ds, "SELECT COUNT(*) FROM call_results")).isEqualTo("2");
            assertThat(telegram.messagesTo(ADMIN)).extracting(BotMessage::text)
                    .filteredOn(t -> t.contains("Call logger:")).as("one message down, one up").hasSize(2);
        } finally {
            db.stop();
        }
    }

    /** The user's side of the flow, through the fake Bot API. */
    private record Flow(FakeTelegramServer telegram, TestBot bot) {
        long post(String json) throws Exception {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(bot.uri("/v1/calls"))
                    .header("Authorization", "Bearer " + TestBot.INGEST_TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            return Long.parseLong(JSON.readTree(r.body()).get("call_id").asText());
        }

        BotMessage alert(long user, String team) {
            return awaitMessage(user, m -> m.buttons().size() == 1 && m.text().contains(team));
        }

        void pressBet(long user, String team) {
            BotMessage alert = alert(user, team);
            String press = telegram.userPresses(user, alert.messageId(), alert.buttons().get(0).callbackData());
            await().atMost(Duration.ofSeconds(20)).until(() -> telegram.answerTo(press).isPresent());
            assertThat(telegram.answerTo(press).orElseThrow().text()).isEqualTo("Counted — good luck!");
        }

        void answer(long user, String profit) {
            BotMessage question = awaitMessage(user, m -> m.text().startsWith("📋") && !m.buttons().isEmpty());
            String press = telegram.userPresses(user, question.messageId(), question.buttons().get(0).callbackData());
            await().atMost(Duration.ofSeconds(10)).until(() -> telegram.answerTo(press).isPresent());
            awaitMessage(user, BotMessage::forceReply);
            int before = telegram.messagesTo(user).size();
            telegram.userSends(user, profit, "en");
            await().atMost(Duration.ofSeconds(10)).until(() -> telegram.messagesTo(user).size() > before);
        }

        BotMessage awaitMessage(long chat, Predicate<BotMessage> wanted) {
            await().atMost(Duration.ofSeconds(20)).until(() -> telegram.messagesTo(chat).stream().anyMatch(wanted));
            List<BotMessage> all = telegram.messagesTo(chat);
            return all.stream().filter(wanted).reduce((a, b) -> b).orElseThrow();
        }
    }
}
