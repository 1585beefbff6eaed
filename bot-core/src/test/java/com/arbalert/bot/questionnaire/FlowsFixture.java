package com.arbalert.bot.questionnaire;

import com.arbalert.bot.bet.BetButtonHandler;
import com.arbalert.bot.bet.BetCallbackData;
import com.arbalert.bot.bet.BetClicks;
import com.arbalert.bot.spi.BetClickHook;
import com.arbalert.bot.spi.CallRecord;
import com.arbalert.bot.spi.CallType;
import com.arbalert.bot.spi.Outcome;
import com.arbalert.bot.spi.ResultHook;
import com.arbalert.bot.telegram.CallbackKey;
import com.arbalert.bot.telegram.CallbackSigner;
import com.arbalert.bot.telegram.HookCalls;
import com.arbalert.bot.telegram.IncomingCallback;
import com.arbalert.bot.telegram.IncomingText;
import com.arbalert.bot.telegram.PublishedCallsTable;
import com.arbalert.bot.telegram.UserLanguages;
import com.arbalert.bot.testing.MutableClock;
import com.arbalert.bot.testing.RecordingMessageSender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The I BET and questionnaire classes built by hand the way the modules wire them, on a real
 * database, with a recording MessageSender. {@link #restart()} builds new instances on the same
 * database, as a restarted bot would.
 */
public final class FlowsFixture {
    public static final Instant START = Instant.parse("2026-11-20T18:00:00Z");
    static final CallbackKey KEY = CallbackKey.ofSecret("test-secret-of-at-least-16-chars");

    public record Click(long callId, long userId, Instant at) {
    }

    public record Result(long callId, long userId, Outcome outcome, BigDecimal profit, Instant at) {
    }

    public final DataSource dataSource;
    public final MutableClock clock;
    public final RecordingMessageSender sender;
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    public final QuestionnaireConfig config;
    public final Map<Long, Locale> storedLanguages;
    public final List<Click> clicks;
    public final List<Result> results;
    public final List<BetClickHook> extraBetHooks = new CopyOnWriteArrayList<>();

    public final PublishedCallsTable calls;
    public final BetCallbackData betData;
    public final BetClicks betClicks;
    public final BetButtonHandler betButton;
    public final QuestionnaireStore store;
    public final QuestionnaireCallbackData questionData;
    public final QuestionnaireFlow flow;
    public final QuestionnaireScheduler scheduler;
    public final ProfitReplyHandler profitReplies;
    public final QuestionnaireButtonHandler questionButtons;
    public final SkipCommand skip;
    public final CancelCommand cancel;

    private static final AtomicInteger QUERY_IDS = new AtomicInteger();

    public FlowsFixture(DataSource dataSource) {
        this(dataSource, new MutableClock(START), new RecordingMessageSender(), new QuestionnaireConfig(),
                new ConcurrentHashMap<>(), new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
    }

    private FlowsFixture(DataSource dataSource, MutableClock clock, RecordingMessageSender sender,
            QuestionnaireConfig config, Map<Long, Locale> storedLanguages, List<Click> clicks, List<Result> results) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.sender = sender;
        this.config = config;
        this.storedLanguages = storedLanguages;
        this.clicks = clicks;
        this.results = results;
        UserLanguages languages = userId -> Optional.ofNullable(storedLanguages.get(userId));
        CallbackSigner signer = new CallbackSigner(KEY);
        HookCalls hookCalls = new HookCalls(meters);
        calls = new PublishedCallsTable(dataSource, clock);
        betData = new BetCallbackData(signer);
        betClicks = new BetClicks(dataSource);
        BetClickHook recordClick = (callId, userId, at) -> clicks.add(new Click(callId, userId, at));
        BetClickHook extra = (callId, userId, at) -> extraBetHooks.forEach(h -> h.betClicked(callId, userId, at));
        betButton = new BetButtonHandler(betData, calls, betClicks, new QuestionnaireTiming(config), languages, sender,
                Set.of(recordClick, extra), hookCalls, clock, meters);
        store = new QuestionnaireStore(dataSource);
        questionData = new QuestionnaireCallbackData(signer);
        QuestionnaireMessages messages = new QuestionnaireMessages(questionData);
        ResultHook recordResult = (callId, userId, outcome, profit, at) ->
                results.add(new Result(callId, userId, outcome, profit, at));
        flow = new QuestionnaireFlow(store, calls, messages, sender, languages, config, clock, meters);
        scheduler = new QuestionnaireScheduler(flow, dataSource, config);
        profitReplies = new ProfitReplyHandler(flow, store, messages, Set.of(recordResult), hookCalls, clock);
        questionButtons = new QuestionnaireButtonHandler(flow, store, questionData, messages, sender, languages, config,
                clock);
        skip = new SkipCommand(flow, messages);
        cancel = new CancelCommand(flow, messages);
    }

    /** New instances of every class on the same database, clock, sender and hooks' records. */
    public FlowsFixture restart() {
        return new FlowsFixture(dataSource, clock, sender, config, storedLanguages, clicks, results);
    }

    public static CallRecord.Builder arbitrage(long callId) {
        return CallRecord.builder().callId(callId).callType(CallType.ARBITRAGE).sport("basketball_nba")
                .teamA("Lakers").teamB("Celtics").matchDate(START.plusSeconds(3600)).bookA("FanDuel").bookB("DraftKings")
                .market("moneyline").oddsA("-110").oddsB("+105").roiPercent(2.5)
                .stakeA(new BigDecimal("100.00")).stakeB(new BigDecimal("95.00")).profitExpected(new BigDecimal("4.75"));
    }

    public CallRecord publish(CallRecord.Builder call) {
        CallRecord record = call.build();
        calls.remember(record);
        return record;
    }

    public IncomingCallback press(long userId, String data, String languageCode) {
        IncomingCallback cb = new IncomingCallback("cq" + QUERY_IDS.incrementAndGet(), userId, userId, 77,
                "user" + userId, languageCode, data);
        if (data.startsWith("b:")) {
            betButton.handle(cb);
        } else {
            questionButtons.handle(cb);
        }
        return cb;
    }

    public void pressBet(long userId, long callId) {
        press(userId, betData.betCallbackData(callId), "en");
    }

    /** Presses the button of the given choice under the last question sent to the user's chat. */
    public void answer(long userId, AnswerChoice choice) {
        for (int i = sender.sentTo(userId).size() - 1; i >= 0; i--) {
            var message = sender.sentTo(userId).get(i).message();
            for (var row : message.keyboard()) {
                for (var button : row) {
                    if (questionData.read(button.callbackData()).map(p -> p.choice() == choice).orElse(false)) {
                        press(userId, button.callbackData(), "en");
                        return;
                    }
                }
            }
        }
        throw new AssertionError("no question with a " + choice + " button was sent to " + userId);
    }

    public boolean reply(long userId, String text) {
        return profitReplies.handle(new IncomingText(userId, userId, "user" + userId, "en", 5, text));
    }

    public QuestionnaireScheduler.Check check() {
        return scheduler.checkNow();
    }
}
