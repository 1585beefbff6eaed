package com.arbalert.bot.bet;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.arbalert.bot.questionnaire.FlowsFixture;
import com.arbalert.bot.telegram.CallbackKey;
import com.arbalert.bot.telegram.CallbackSigner;
import com.arbalert.bot.testing.CoreSchema;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class BetButtonHandlerTest {
    private static HikariDataSource dataSource;
    private FlowsFixture flows;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private static long nextCall = 1_000;

    @BeforeAll
    static void database() {
        dataSource = CoreSchema.migrated("bet_button");
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @BeforeEach
    void setUp() {
        flows = new FlowsFixture(dataSource);
        logs.start();
        ((Logger) LoggerFactory.getLogger(BetButtonHandler.class)).addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(BetButtonHandler.class)).detachAppender(logs);
    }

    @Test
    void firstPressIsCountedAndCallsTheHook() {
        long callId = flows.publish(FlowsFixture.arbitrage(++nextCall)).callId();
        flows.pressBet(42, callId);

        assertThat(flows.sender.lastAnswer().text()).isEqualTo("Counted — good luck!");
        assertThat(flows.clicks).containsExactly(new FlowsFixture.Click(callId, 42, FlowsFixture.START));
        assertThat(flows.betClicks.distinctUsers(callId)).isEqualTo(1);
    }

    @Test
    void repeatedPressesAreAnsweredAlreadyCountedAndCountOnceInTheTable() throws Exception {
        long callId = flows.publish(FlowsFixture.arbitrage(++nextCall)).callId();
        flows.pressBet(42, callId);
        flows.pressBet(42, callId);
        flows.restart().pressBet(42, callId); // another instance (or after a restart) sees the same table
        flows.pressBet(43, callId);

        assertThat(flows.sender.answers()).extracting(a -> a.text())
                .containsExactly("Counted — good luck!", "Already counted.", "Already counted.", "Counted — good luck!");
        assertThat(flows.clicks).hasSize(4); // every valid press reaches the hooks; they count distinct users
        assertThat(flows.betClicks.distinctUsers(callId)).isEqualTo(2);
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT presses FROM bet_clicks WHERE call_id = " + callId + " AND user_id = 42")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(3);
        }
    }

    @Test
    void frenchUsersAreAnsweredInFrenchAndTheStoredLanguageWins() {
        long callId = flows.publish(FlowsFixture.arbitrage(++nextCall)).callId();
        flows.press(50, flows.betData.betCallbackData(callId), "fr-FR");
        assertThat(flows.sender.lastAnswer().text()).isEqualTo("C'est noté — bonne chance !");

        flows.storedLanguages.put(51L, java.util.Locale.FRENCH);
        flows.press(51, flows.betData.betCallbackData(callId), "en");
        assertThat(flows.sender.lastAnswer().text()).isEqualTo("C'est noté — bonne chance !");
    }

    @Test
    void forgedSignatureIsRefusedWithAWarningAndNoHook() {
        long callId = flows.publish(FlowsFixture.arbitrage(++nextCall)).callId();
        CallbackSigner otherKey = new CallbackSigner(CallbackKey.ofSecret("someone-elses-secret-key"));
        flows.press(66, otherKey.sign("b:" + Long.toString(callId, 36)), "en");

        assertThat(flows.sender.lastAnswer().text()).isEqualTo("This button is not valid.");
        assertThat(flows.clicks).isEmpty();
        assertThat(flows.betClicks.distinctUsers(callId)).isZero();
        assertWarned("user 66");
    }

    @Test
    void garbledDataIsRefused() {
        long callId = flows.publish(FlowsFixture.arbitrage(++nextCall)).callId();
        String valid = flows.betData.betCallbackData(callId);
        for (String garbled : new String[] {"b:", "b:zz", "b:" + Long.toString(callId, 36) + ":", valid + "x",
                valid.substring(0, valid.length() - 2), "b:!!:" + valid.substring(valid.lastIndexOf(':') + 1),
                "b:" + "9".repeat(80)}) {
            flows.press(67, garbled, "en");
            assertThat(flows.sender.lastAnswer().text()).as(garbled).isEqualTo("This button is not valid.");
        }
        assertThat(flows.sender.answers()).hasSize(7);
        assertThat(flows.clicks).isEmpty();
        assertWarned("user 67");
    }

    @Test
    void unknownCallIsRefused() {
        flows.press(68, flows.betData.betCallbackData(987_654_321L), "en");

        assertThat(flows.sender.lastAnswer().text()).isEqualTo("This call is unknown.");
        assertThat(flows.clicks).isEmpty();
        assertWarned("user 68");
    }

    @Test
    void aHookThatThrowsDoesNotBreakTheButton() {
        long callId = flows.publish(FlowsFixture.arbitrage(++nextCall)).callId();
        flows.extraBetHooks.add((c, u, at) -> {
            throw new IllegalStateException("hook broken on purpose");
        });
        flows.pressBet(70, callId);
        flows.pressBet(70, callId);

        assertThat(flows.sender.answers()).extracting(a -> a.text()).containsExactly("Counted — good luck!", "Already counted.");
        assertThat(flows.clicks).hasSize(2);
        assertThat(flows.meters.find("bot.hook.failures").tag("point", "bet_click").counter().count()).isEqualTo(2.0);
    }

    @Test
    void theAnswerGoesOutBeforeASlowHookRuns() {
        long callId = flows.publish(FlowsFixture.arbitrage(++nextCall)).callId();
        java.util.List<Integer> answersSeenByHook = new java.util.ArrayList<>();
        flows.extraBetHooks.add((c, u, at) -> {
            answersSeenByHook.add(flows.sender.answers().size());
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        flows.pressBet(72, callId);

        assertThat(answersSeenByHook).containsExactly(1);
        assertThat(flows.meters.find("bot.hook.slow").tag("point", "bet_click").counter().count()).isEqualTo(1.0);
    }

    @Test
    void aDatabaseFailureStillAnswersThePress() {
        long callId = flows.publish(FlowsFixture.arbitrage(++nextCall)).callId();
        HikariDataSource closed = new HikariDataSource();
        closed.setJdbcUrl(dataSource.getJdbcUrl());
        closed.close();
        FlowsFixture broken = new FlowsFixture(closed);
        broken.press(71, flows.betData.betCallbackData(callId), "en");

        assertThat(broken.sender.lastAnswer().text()).isEqualTo("Something went wrong, please press again in a moment.");
        assertThat(broken.clicks).isEmpty();
    }

    @Test
    void callbackDataFitsTelegramsLimitForTheLargestIds() {
        for (long id : new long[] {0, 1, Long.MAX_VALUE, -1L}) {
            String data = flows.betData.betCallbackData(id);
            assertThat(data.getBytes(StandardCharsets.UTF_8).length).as(data).isLessThanOrEqualTo(64);
            assertThat(flows.betData.callIdOf(data)).hasValue(id);
        }
        assertThat(flows.betData.betCallbackData(-1L)).hasSize(32);
    }

    private void assertWarned(String text) {
        assertThat(logs.list).anySatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage()).contains(text);
        });
    }
}
