package com.arbalert.bot.demo;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.sandbox.FakeTelegramServer;
import com.arbalert.bot.sandbox.FakeTelegramServer.BotMessage;
import com.arbalert.bot.sandbox.FakeTelegramServer.Button;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scripted crowd of the demo: subscribers, a scanner posting calls over HTTP, users pressing
 * I BET (more often on a higher ROI, some twice), answering their questionnaires (one with a
 * garbled amount first), one forged button, and /stats asked by a user and by the admin.
 */
final class DemoCrowd {
    static final long ADMIN_ID = 1000;
    private static final long FIRST_USER = 2001;
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(40);
    private static final String[] AMOUNT_STYLES = {"%s", "+%s", "%s$", "%s €"};
    private static final Pattern PERCENT = Pattern.compile("ROI\\D{0,3}(-?\\d+(?:[.,]\\d+)?)\\s?%");

    private final FakeTelegramServer telegram;
    private final URI callsUri;
    private final String ingestToken;
    private final Transcript transcript;
    private final Random random;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int users;

    DemoCrowd(FakeTelegramServer telegram, URI botHttp, String ingestToken, Transcript transcript, Random random,
            int users) {
        this.telegram = requireNonNull(telegram, "telegram");
        this.callsUri = botHttp.resolve("/v1/calls");
        this.ingestToken = requireNonNull(ingestToken, "ingestToken");
        this.transcript = requireNonNull(transcript, "transcript");
        this.random = requireNonNull(random, "random");
        this.users = users;
    }

    /** Runs the whole script; returns the admin's /stats message. */
    String play(int calls) throws Exception {
        subscribe();
        Map<Long, Map<String, Object>> posted = postCalls(calls);
        int alerts = awaitAlerts(posted.size());
        transcript.line("%d alerts delivered to %d subscribers (Telegram answered 429 %d times)", alerts, users,
                telegram.tooManyRequests());
        int[] presses = pressIBet();
        transcript.line("I BET pressed %d times by %d distinct (user, call) pairs; %d were second presses, "
                + "answered \"already counted\"", presses[0], presses[1], presses[0] - presses[1]);
        forgedPress();
        answerQuestionnaires(presses[1]);
        nonAdminStats();
        return adminStats();
    }

    private void subscribe() throws TimeoutException, InterruptedException {
        telegram.userSends(ADMIN_ID, "admin", "/start", "en");
        for (int i = 0; i < users; i++) {
            long user = FIRST_USER + i;
            telegram.userSends(user, "user" + user, "/start", i % 3 == 0 ? "fr" : "en");
        }
        await("every welcome", () -> {
            for (int i = 0; i < users; i++) {
                if (telegram.messagesTo(FIRST_USER + i).isEmpty()) {
                    return false;
                }
            }
            return true;
        });
        transcript.line("%d users and the admin sent /start (a third of them in French) and were welcomed", users);
    }

    private Map<Long, Map<String, Object>> postCalls(int count) throws IOException, InterruptedException {
        Map<Long, Map<String, Object>> posted = new HashMap<>();
        List<Map<String, Object>> calls = DemoCalls.generate(random, Instant.now(), count);
        int recipients = 0;
        for (Map<String, Object> call : calls) {
            HttpResponse<String> response = post(json.writeValueAsString(call));
            JsonNode body = json.readTree(response.body());
            if (response.statusCode() == 202) {
                posted.put(Long.parseLong(body.path("call_id").asText()), call);
                recipients = body.path("recipients").asInt();
            } else {
                transcript.line("POST /v1/calls answered %d: %s", response.statusCode(), response.body());
            }
        }
        transcript.line("The scanner posted %d calls (arbitrage, middle, good odds; %s) to POST /v1/calls: "
                + "202 each, %d recipients", posted.size(), sports(calls), recipients);
        HttpResponse<String> again = post(json.writeValueAsString(calls.get(0)));
        transcript.line("Posting the first call again: %d %s", again.statusCode(), again.body());
        HttpResponse<String> bad = post("{\"call_type\":\"arbitrage\",\"sport\":\"NBA\",\"odds_a\":\"abc\"}");
        transcript.line("Posting a malformed call: %d %s", bad.statusCode(), bad.body());
        return posted;
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(callsUri)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + ingestToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String sports(List<Map<String, Object>> calls) {
        return String.join(", ", calls.stream().map(c -> (String) c.get("sport")).distinct().sorted().toList());
    }

    private int awaitAlerts(int calls) throws TimeoutException, InterruptedException {
        await("every alert", () -> {
            for (int i = 0; i < users; i++) {
                if (alertsTo(FIRST_USER + i).size() < calls) {
                    return false;
                }
            }
            return true;
        });
        int total = 0;
        for (int i = 0; i < users; i++) {
            total += alertsTo(FIRST_USER + i).size();
        }
        return total;
    }

    private List<BotMessage> alertsTo(long user) {
        return telegram.messagesTo(user).stream().filter(m -> betButton(m).isPresent()).toList();
    }

    private static Optional<Button> betButton(BotMessage message) {
        return message.buttons().stream().filter(b -> b.callbackData().startsWith("b:")).findFirst();
    }

    /** @return {all presses, distinct (user, call) presses} */
    private int[] pressIBet() throws TimeoutException, InterruptedException {
        List<String> queries = new ArrayList<>();
        int distinct = 0;
        for (int i = 0; i < users; i++) {
            long user = FIRST_USER + i;
            for (BotMessage alert : alertsTo(user)) {
                double roi = roiOf(alert);
                // the better the edge, the likelier a bettor acts on it
                if (random.nextDouble() < Math.min(0.8, 0.05 + roi * 0.06)) {
                    String data = betButton(alert).orElseThrow().callbackData();
                    queries.add(telegram.userPresses(user, alert.messageId(), data));
                    distinct++;
                    if (random.nextDouble() < 0.1) {
                        queries.add(telegram.userPresses(user, alert.messageId(), data));
                    }
                }
            }
        }
        await("every I BET answered", () -> queries.stream().allMatch(q -> telegram.answerTo(q).isPresent()));
        return new int[] {queries.size(), distinct};
    }

    private static double roiOf(BotMessage alert) {
        // the alert shows "ROI: 2.345%" (in French too)
        Matcher m = PERCENT.matcher(alert.text());
        return m.find() ? Double.parseDouble(m.group(1).replace(',', '.')) : 1.0;
    }

    private void forgedPress() throws TimeoutException, InterruptedException {
        long user = FIRST_USER + 1;
        BotMessage alert = alertsTo(user).get(0);
        String forged = "b:" + Long.toString(Long.MAX_VALUE / 3, 36) + ":AAAAAAAAAAAAAAAA";
        String query = telegram.userPresses(user, alert.messageId(), forged);
        await("the forged press answered", () -> telegram.answerTo(query).isPresent());
        transcript.line("User %d pressed a forged I BET button: the bot answered \"%s\" and counted nothing", user,
                telegram.answerTo(query).orElseThrow().text());
    }

    private void answerQuestionnaires(int expected) throws TimeoutException, InterruptedException {
        Set<String> handled = new HashSet<>();
        Map<Long, String> lastChoice = new HashMap<>();
        int[] finished = {0};
        boolean[] garbledSent = {false};
        await("every questionnaire", () -> {
            for (int i = 0; i < users; i++) {
                long user = FIRST_USER + i;
                for (BotMessage m : telegram.messagesTo(user)) {
                    if (!handled.add(user + ":" + m.messageId())) {
                        continue;
                    }
                    List<Button> outcomes = m.buttons().stream()
                            .filter(b -> b.callbackData().startsWith("q:") && !"c".equals(choiceCode(b))).toList();
                    if (!outcomes.isEmpty()) {
                        Button choice = pick(outcomes);
                        lastChoice.put(user, choiceCode(choice));
                        telegram.userPresses(user, m.messageId(), choice.callbackData());
                        if ("x".equals(choiceCode(choice))) {
                            finished[0]++;
                        }
                    } else if (m.forceReply() && !garbledSent[0]) {
                        garbledSent[0] = true;
                        telegram.userSends(user, "user" + user, "twelve and a bit", null);
                        transcript.line("User %d answered the profit question with \"twelve and a bit\": the bot "
                                + "asked again with a hint", user);
                    } else if (m.forceReply()) {
                        telegram.userSends(user, "user" + user, amount(lastChoice.getOrDefault(user, "a")), null);
                        finished[0]++;
                    }
                }
            }
            return finished[0] >= expected;
        });
        transcript.line("%d questionnaires answered: outcome buttons, then the profit as a reply in formats such as "
                + "\"18.75\", \"+12.50\", \"12.50$\" and \"12,50 €\"", expected);
    }

    private Button pick(List<Button> outcomes) {
        double r = random.nextDouble();
        Optional<Button> both = outcomes.stream().filter(b -> "w".equals(choiceCode(b))).findFirst();
        if (both.isPresent() && r < 0.25) {
            return both.get();
        }
        if (r > 0.96) {
            return outcomes.stream().filter(b -> "x".equals(choiceCode(b))).findFirst().orElse(outcomes.get(0));
        }
        if (r > 0.92) {
            return outcomes.stream().filter(b -> "p".equals(choiceCode(b)) || "v".equals(choiceCode(b))).findFirst()
                    .orElse(outcomes.get(0));
        }
        return outcomes.get(r < 0.6 ? 0 : 1);
    }

    private String amount(String choice) {
        // a push or a void returns the stakes; otherwise a plausible profit, now and then a loss
        BigDecimal value = switch (choice) {
            case "p", "v" -> BigDecimal.ZERO.setScale(2);
            case "w" -> BigDecimal.valueOf(random.nextDouble() * 500 + 400).setScale(2, RoundingMode.HALF_EVEN);
            default -> BigDecimal.valueOf(random.nextDouble() * 45 + 5).setScale(2, RoundingMode.HALF_EVEN);
        };
        if (value.signum() > 0 && random.nextDouble() < 0.15) {
            value = value.negate();
        }
        String style = AMOUNT_STYLES[random.nextInt(AMOUNT_STYLES.length)];
        String digits = value.abs().toPlainString();
        if (style.contains("€")) {
            digits = digits.replace('.', ',');
        }
        String formatted = String.format(style, digits);
        return value.signum() < 0 ? "-" + formatted.replace("+", "") : formatted;
    }

    private static String choiceCode(Button button) {
        String[] parts = button.callbackData().split(":");
        return parts.length > 2 ? parts[2] : "";
    }

    private void nonAdminStats() throws TimeoutException, InterruptedException {
        long user = FIRST_USER + 2;
        int before = telegram.messagesTo(user).size();
        telegram.userSends(user, "user" + user, "/stats", "en");
        await("the refusal", () -> telegram.messagesTo(user).size() > before);
        transcript.line("User %d (not an admin) sent /stats and got: \"%s\"", user,
                telegram.messagesTo(user).get(before).text());
    }

    private String adminStats() throws TimeoutException, InterruptedException {
        int before = telegram.messagesTo(ADMIN_ID).size();
        telegram.userSends(ADMIN_ID, "admin", "/stats 1d", "en");
        await("the admin's stats", () -> telegram.messagesTo(ADMIN_ID).size() > before);
        return telegram.messagesTo(ADMIN_ID).get(before).text();
    }

    private static void await(String what, BooleanSupplier condition) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the demo waited " + STEP_TIMEOUT.toSeconds() + " s for " + what);
            }
            Thread.sleep(50);
        }
    }
}
