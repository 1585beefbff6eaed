package com.arbalert.bot.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import com.arbalert.bot.spi.CallRecord;
import com.arbalert.bot.spi.CallType;
import com.arbalert.bot.spi.CommandRequest;
import com.arbalert.bot.spi.Outcome;
import com.arbalert.bot.telegram.CallbackKey;
import com.arbalert.bot.telegram.CallbackSigner;
import com.arbalert.bot.telegram.OutgoingMessage;
import com.arbalert.bot.testing.CoreSchema;
import com.arbalert.bot.testing.RecordingMessageSender.Sent;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QuestionnaireFlowTest {
    /** Match at START + 1h, basketball 2.5h, delay 30m: due at START + 4h. */
    private static final Duration UNTIL_DUE = Duration.ofHours(4);

    private static HikariDataSource dataSource;
    private FlowsFixture flows;

    @BeforeAll
    static void database() {
        dataSource = CoreSchema.migrated("questionnaire");
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @BeforeEach
    void setUp() {
        CoreSchema.clearFlows(dataSource);
        flows = new FlowsFixture(dataSource);
    }

    @Test
    void aWholeQuestionnaireWithBadAndGoodAnswers() {
        CallRecord call = flows.publish(FlowsFixture.arbitrage(501).teamA("<Lakers & Co>"));
        flows.pressBet(7, 501);

        flows.clock.advance(UNTIL_DUE.minusMinutes(1));
        assertThat(flows.check().opened()).isZero();
        flows.clock.advance(Duration.ofMinutes(1));
        assertThat(flows.check()).isEqualTo(new QuestionnaireScheduler.Check(true, 0, 1));

        OutgoingMessage question = flows.sender.last(7).message();
        assertThat(question.html()).startsWith("📋 How did <b>&lt;Lakers &amp; Co&gt;</b> vs <b>Celtics</b> go?")
                .contains("• FanDuel at -110, stake 100.00", "• DraftKings at +105, stake 95.00", "Match: 2026-11-20 19:00 UTC");
        assertThat(labels(question)).containsExactly("<Lakers & Co> won", "Celtics won", "Push", "Void (cancelled)",
                "Not played yet", "I didn't bet");

        flows.answer(7, AnswerChoice.A_WON);
        assertThat(flows.sender.lastAnswer().text()).isEqualTo("Noted.");
        assertThat(flows.sender.edits()).singleElement().satisfies(e -> {
            assertThat(e.replacement().keyboard()).isEmpty();
            assertThat(e.replacement().html()).endsWith("→ <b>&lt;Lakers &amp; Co&gt; won</b>");
        });
        Sent profitQuestion = flows.sender.last(7);
        assertThat(profitQuestion.message().forceReply()).isTrue();
        assertThat(profitQuestion.html()).contains("How much did you win or lose");

        assertThat(flows.reply(7, "abc")).isTrue();
        assertThat(flows.sender.last(7).html()).startsWith("I could not read \"abc\" as an amount");
        assertThat(flows.sender.last(7).message().forceReply()).isTrue();
        flows.reply(7, "<b>1.2.3</b>");
        assertThat(flows.sender.last(7).html()).contains("\"&lt;b&gt;1.2.3&lt;/b&gt;\"");
        flows.reply(7, "1950.01");
        assertThat(flows.sender.last(7).html()).contains("between -1,950.00 and 1,950.00");
        assertThat(flows.results).isEmpty();

        flows.reply(7, "+12,50 €");
        assertThat(flows.sender.last(7).html())
                .isEqualTo("✅ Thanks! Recorded for <b>&lt;Lakers &amp; Co&gt;</b> vs <b>Celtics</b>: <Lakers & Co> won,"
                        .replace("<Lakers & Co> won", "&lt;Lakers &amp; Co&gt; won") + " profit +12.50.");
        assertThat(flows.results).containsExactly(new FlowsFixture.Result(call.callId(), 7, Outcome.A_WON,
                new BigDecimal("12.50"), flows.clock.instant()));
        assertThat(flows.store.find(501, 7)).get().satisfies(q -> {
            assertThat(q.state()).isEqualTo(QuestionnaireState.DONE);
            assertThat(q.profit()).isEqualByComparingTo("12.50");
        });
        // the chat is free again: a text is no longer the questionnaire's
        assertThat(flows.reply(7, "hello")).isFalse();
        assertThat(flows.meters.find("bot.questionnaire.steps").tag("step", "done").counter().count()).isEqualTo(1.0);
        assertThat(flows.meters.find("bot.bet.presses").tag("result", "counted").counter().count()).isEqualTo(1.0);
    }

    @Test
    void aResultCanBeCorrectedAndReachesTheHooksAgain() {
        flows.publish(FlowsFixture.arbitrage(530));
        flows.publish(FlowsFixture.arbitrage(531).teamA("Heat"));
        flows.pressBet(21, 530);
        flows.pressBet(21, 531);
        flows.clock.advance(UNTIL_DUE);
        flows.check();
        flows.answer(21, AnswerChoice.A_WON);
        flows.reply(21, "12");
        assertThat(labels(flows.sender.sentTo(21).get(flows.sender.sentTo(21).size() - 2).message()))
                .containsExactly("✏️ Correct my answer");
        // the next question (Heat) is open: a correction has to wait for it
        flows.answer(21, AnswerChoice.CORRECT);
        assertThat(flows.sender.lastAnswer().text()).isEqualTo("Please finish the open question first.");
        flows.answer(21, AnswerChoice.DIDNT_BET);

        flows.answer(21, AnswerChoice.CORRECT);
        assertThat(flows.sender.lastAnswer().text()).isEqualTo("Noted.");
        assertThat(flows.sender.last(21).html()).startsWith("📋 How did <b>Lakers</b>");
        assertThat(flows.sender.edits()).last().satisfies(e -> assertThat(e.replacement().keyboard()).isEmpty());
        flows.answer(21, AnswerChoice.B_WON);
        flows.reply(21, "-5");
        assertThat(flows.results).extracting(FlowsFixture.Result::outcome, FlowsFixture.Result::profit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Outcome.A_WON, new BigDecimal("12.00")),
                        org.assertj.core.groups.Tuple.tuple(Outcome.B_WON, new BigDecimal("-5.00")));
        assertThat(flows.store.find(530, 21)).get().extracting(Questionnaire::timesAsked).isEqualTo(2);

        flows.clock.advance(Duration.ofHours(49));
        flows.answer(21, AnswerChoice.CORRECT);
        assertThat(flows.sender.lastAnswer().text()).isEqualTo("This question is already closed.");
    }

    @Test
    void aLossWithinTheBoundsIsAccepted() {
        flows.publish(FlowsFixture.arbitrage(502));
        flows.pressBet(8, 502);
        flows.clock.advance(UNTIL_DUE);
        flows.check();
        flows.answer(8, AnswerChoice.B_WON);
        flows.reply(8, "−1950");
        assertThat(flows.results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.B_WON);
            assertThat(r.profit()).isEqualByComparingTo("-1950");
        });
    }

    @Test
    void aMiddleOffersBothWonAndAOneBookCallOffersWonAndLost() {
        flows.publish(FlowsFixture.arbitrage(503).callType(CallType.MIDDLE));
        flows.publish(FlowsFixture.arbitrage(504).callType(CallType.GOOD_ODDS).bookB(null).oddsB((BigDecimal) null)
                .stakeB((BigDecimal) null).profitExpected(new BigDecimal("10")));
        flows.pressBet(9, 503);
        flows.pressBet(10, 504);
        flows.clock.advance(UNTIL_DUE);
        assertThat(flows.check().opened()).isEqualTo(2);

        assertThat(labels(flows.sender.last(9).message())).containsExactly("Lakers won", "Celtics won", "Both won 🎯",
                "Push", "Void (cancelled)", "Not played yet", "I didn't bet");
        assertThat(labels(flows.sender.last(10).message())).containsExactly("Won", "Lost", "Push", "Void (cancelled)",
                "Not played yet", "I didn't bet");
        assertThat(flows.sender.last(10).html()).contains("• FanDuel at -110, stake 100.00").doesNotContain("DraftKings");

        flows.answer(9, AnswerChoice.BOTH_WON);
        flows.reply(9, "180");
        flows.answer(10, AnswerChoice.B_WON);
        flows.reply(10, "-100");
        assertThat(flows.results).extracting(FlowsFixture.Result::outcome).containsExactly(Outcome.BOTH_WON, Outcome.B_WON);
        // "Lost" reads as it was chosen
        assertThat(flows.sender.last(10).html()).contains(": Lost, profit -100.00.");
    }

    @Test
    void notPlayedYetAsksAgainAfterTheRetryDelay() {
        flows.publish(FlowsFixture.arbitrage(505));
        flows.pressBet(11, 505);
        flows.clock.advance(UNTIL_DUE);
        flows.check();
        flows.answer(11, AnswerChoice.NOT_PLAYED);
        assertThat(flows.sender.last(11).html()).contains("I'll ask again about <b>Lakers</b> vs <b>Celtics</b> in 24 hours");
        int sentBefore = flows.sender.sentTo(11).size();

        flows.clock.advance(Duration.ofHours(24).minusMinutes(1));
        assertThat(flows.check().opened()).isZero();
        flows.clock.advance(Duration.ofMinutes(1));
        assertThat(flows.check().opened()).isEqualTo(1);
        assertThat(flows.sender.sentTo(11)).hasSize(sentBefore + 1);
        assertThat(flows.sender.last(11).html()).startsWith("📋 How did <b>Lakers</b>");
        assertThat(flows.store.find(505, 11)).get().extracting(Questionnaire::timesAsked).isEqualTo(2);
        // the old question's buttons are stale now
        flows.answer(11, AnswerChoice.A_WON);
        assertThat(flows.store.find(505, 11)).get().extracting(Questionnaire::state).isEqualTo(QuestionnaireState.AWAITING_PROFIT);
    }

    @Test
    void iDidNotBetEndsItWithoutAHook() {
        flows.publish(FlowsFixture.arbitrage(506));
        flows.pressBet(12, 506);
        flows.clock.advance(UNTIL_DUE);
        flows.check();
        flows.answer(12, AnswerChoice.DIDNT_BET);
        assertThat(flows.sender.last(12).html()).isEqualTo("OK, noted that you did not bet on <b>Lakers</b> vs <b>Celtics</b>.");
        assertThat(flows.results).isEmpty();
        assertThat(flows.store.find(506, 12)).get().extracting(Questionnaire::state).isEqualTo(QuestionnaireState.DECLINED);
        flows.answer(12, AnswerChoice.A_WON);
        assertThat(flows.sender.lastAnswer().text()).isEqualTo("This question is already closed.");
    }

    @Test
    void aRestartInTheMiddleCarriesOn() {
        flows.publish(FlowsFixture.arbitrage(507));
        flows.pressBet(13, 507);
        flows.clock.advance(UNTIL_DUE);
        flows.check();
        FlowsFixture afterFirstRestart = flows.restart();
        afterFirstRestart.answer(13, AnswerChoice.PUSH);
        FlowsFixture afterSecondRestart = afterFirstRestart.restart();
        afterSecondRestart.reply(13, "0");
        assertThat(flows.results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.PUSH);
            assertThat(r.profit()).isEqualByComparingTo("0");
        });
    }

    @Test
    void anUnansweredQuestionExpiresAfterTheTimeout() {
        flows.publish(FlowsFixture.arbitrage(508));
        flows.publish(FlowsFixture.arbitrage(509).matchDate(FlowsFixture.START.plus(Duration.ofDays(5))));
        flows.pressBet(14, 508);
        flows.pressBet(14, 509);
        flows.clock.advance(UNTIL_DUE);
        flows.check();
        flows.clock.advance(Duration.ofHours(48).minusMinutes(1));
        assertThat(flows.check().expired()).isZero();
        flows.clock.advance(Duration.ofMinutes(2));
        assertThat(flows.check()).isEqualTo(new QuestionnaireScheduler.Check(true, 1, 0));
        assertThat(flows.sender.last(14).html()).isEqualTo("⌛ No answer about <b>Lakers</b> vs <b>Celtics</b>, so I closed that question.");
        assertThat(flows.store.find(508, 14)).get().extracting(Questionnaire::state).isEqualTo(QuestionnaireState.EXPIRED);

        flows.answer(14, AnswerChoice.A_WON);
        assertThat(flows.sender.lastAnswer().text()).isEqualTo("This question is already closed.");
        assertThat(flows.reply(14, "12")).isFalse();
        assertThat(flows.results).isEmpty();
    }

    @Test
    void oneQuestionPerChatTheNextOpensWhenTheFirstIsDone() {
        flows.publish(FlowsFixture.arbitrage(510).teamA("Knicks"));
        flows.publish(FlowsFixture.arbitrage(511).teamA("Bulls"));
        flows.pressBet(15, 510);
        flows.pressBet(15, 511);
        flows.clock.advance(UNTIL_DUE);
        assertThat(flows.check().opened()).isEqualTo(1);
        assertThat(flows.check().opened()).isZero();
        assertThat(flows.sender.sentTo(15)).hasSize(1);
        assertThat(flows.sender.last(15).html()).contains("Knicks");

        flows.answer(15, AnswerChoice.A_WON);
        flows.reply(15, "10");
        List<Sent> sent = flows.sender.sentTo(15);
        assertThat(sent.get(sent.size() - 2).html()).startsWith("✅");
        assertThat(sent.get(sent.size() - 1).html()).startsWith("📋 How did <b>Bulls</b>");
    }

    @Test
    void skipMovesToTheNextQuestionAndCancelStopsThem() {
        for (long id = 512; id <= 515; id++) {
            flows.publish(FlowsFixture.arbitrage(id).teamA("Team" + id));
            flows.pressBet(16, id);
        }
        CommandRequest request = new CommandRequest(16, 16, "user16", Locale.ENGLISH, List.of(), false);
        flows.clock.advance(UNTIL_DUE);
        flows.check();
        assertThat(flows.sender.last(16).html()).contains("Team512");

        assertThat(flows.skip.handle(request).text()).isEqualTo("Skipped.");
        assertThat(flows.sender.last(16).html()).contains("Team513");
        assertThat(flows.store.find(512, 16)).get().extracting(Questionnaire::state).isEqualTo(QuestionnaireState.SKIPPED);

        flows.answer(16, AnswerChoice.A_WON);
        assertThat(flows.cancel.handle(request).text()).isEqualTo("Stopped. I will ask again after your next bets.");
        assertThat(flows.store.find(513, 16)).get().extracting(Questionnaire::state).isEqualTo(QuestionnaireState.CANCELLED);
        assertThat(flows.store.find(514, 16)).get().extracting(Questionnaire::state).isEqualTo(QuestionnaireState.CANCELLED);
        assertThat(flows.check().opened()).isZero();
        assertThat(flows.skip.handle(request).text()).isEqualTo("No result question is open.");
        assertThat(flows.reply(16, "10")).isFalse();
        assertThat(flows.skip.description(Locale.FRENCH)).isEqualTo("Passer la question de résultat en cours");
    }

    @Test
    void forgedOrForeignQuestionnaireButtonsAreRefused() {
        flows.publish(FlowsFixture.arbitrage(516));
        flows.pressBet(17, 516);
        flows.clock.advance(UNTIL_DUE);
        flows.check();
        long id = flows.store.find(516, 17).orElseThrow().id();

        CallbackSigner forger = new CallbackSigner(CallbackKey.ofSecret("not-the-bot-secret-at-all"));
        flows.press(17, forger.sign("q:" + Long.toString(id, 36) + ":a"), "en");
        assertThat(flows.sender.lastAnswer().text()).isEqualTo("This button is not valid.");
        // a bot-signed button pressed by someone else (a forwarded message)
        flows.press(18, flows.questionData.of(id, AnswerChoice.A_WON), "en");
        assertThat(flows.sender.lastAnswer().text()).isEqualTo("This button is not valid.");
        // the signature from I BET does not pass for a questionnaire answer
        flows.press(17, "q:" + flows.betData.betCallbackData(516).substring(2), "en");
        assertThat(flows.sender.lastAnswer().text()).isEqualTo("This button is not valid.");
        // a middle-only answer on an arbitrage
        flows.press(17, flows.questionData.of(id, AnswerChoice.BOTH_WON), "en");
        assertThat(flows.sender.lastAnswer().text()).isEqualTo("This question is already closed.");

        assertThat(flows.store.find(id)).get().extracting(Questionnaire::state).isEqualTo(QuestionnaireState.OPEN);
        assertThat(flows.sender.answers()).hasSize(5); // the I BET press and the four above
    }

    @Test
    void textBeforeTheOutcomeGetsANudgeTowardsTheButtons() {
        flows.publish(FlowsFixture.arbitrage(517));
        flows.pressBet(19, 517);
        assertThat(flows.reply(19, "12")).isFalse(); // nothing asked yet
        flows.clock.advance(UNTIL_DUE);
        flows.check();
        assertThat(flows.reply(19, "12")).isTrue();
        assertThat(flows.sender.last(19).html()).isEqualTo("Please answer with the buttons above, or send /skip to skip this question.");
    }

    @Test
    void frenchUsersAreAskedInFrench() {
        flows.storedLanguages.put(20L, Locale.FRENCH);
        flows.publish(FlowsFixture.arbitrage(518));
        flows.pressBet(20, 518);
        flows.clock.advance(UNTIL_DUE);
        flows.check();
        OutgoingMessage question = flows.sender.last(20).message();
        assertThat(question.html()).startsWith("📋 Comment s'est passé <b>Lakers</b> – <b>Celtics</b> ?")
                .contains("• FanDuel à -110, mise 100,00");
        assertThat(labels(question)).contains("Lakers a gagné", "Je n'ai pas parié");
        flows.answer(20, AnswerChoice.A_WON);
        flows.reply(20, "12,5");
        assertThat(flows.sender.last(20).html()).isEqualTo(
                "✅ Merci ! Enregistré pour <b>Lakers</b> – <b>Celtics</b> : Lakers a gagné, gain +12,50.");
    }

    private static List<String> labels(OutgoingMessage message) {
        return message.keyboard().stream().flatMap(List::stream).map(OutgoingMessage.Button::text).toList();
    }
}
