package com.arbalert.bot.bet;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.i18n.Texts;
import com.arbalert.bot.questionnaire.QuestionnaireTiming;
import com.arbalert.bot.spi.BetClickHook;
import com.arbalert.bot.spi.CallRecord;
import com.arbalert.bot.telegram.CallbackHandler;
import com.arbalert.bot.telegram.HookCalls;
import com.arbalert.bot.telegram.IncomingCallback;
import com.arbalert.bot.telegram.MessageSender;
import com.arbalert.bot.telegram.PublishedCalls;
import com.arbalert.bot.telegram.UserLanguages;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The I BET button. Every press is answered (so no button keeps spinning), before any hook runs.
 * A valid press is recorded in {@code bet_clicks} and handed to every {@link BetClickHook},
 * repeats included: the hooks count distinct users themselves, idempotently. A forged, garbled
 * or unknown press gets a short error, a WARN line with the user id, and no hook call.
 */
public final class BetButtonHandler implements CallbackHandler {
    private static final Logger log = LoggerFactory.getLogger(BetButtonHandler.class);
    private static final String BUNDLE = "bet";

    private final BetCallbackData callbackData;
    private final PublishedCalls publishedCalls;
    private final BetClicks clicks;
    private final QuestionnaireTiming timing;
    private final UserLanguages languages;
    private final MessageSender sender;
    private final Set<BetClickHook> hooks;
    private final HookCalls hookCalls;
    private final Clock clock;
    private final MeterRegistry meters;

    @Inject
    public BetButtonHandler(BetCallbackData callbackData, PublishedCalls publishedCalls, BetClicks clicks,
            QuestionnaireTiming timing, UserLanguages languages, MessageSender sender, Set<BetClickHook> hooks,
            HookCalls hookCalls, Clock clock, MeterRegistry meters) {
        this.callbackData = requireNonNull(callbackData, "callbackData");
        this.publishedCalls = requireNonNull(publishedCalls, "publishedCalls");
        this.clicks = requireNonNull(clicks, "clicks");
        this.timing = requireNonNull(timing, "timing");
        this.languages = requireNonNull(languages, "languages");
        this.sender = requireNonNull(sender, "sender");
        this.hooks = Set.copyOf(hooks);
        this.hookCalls = requireNonNull(hookCalls, "hookCalls");
        this.clock = requireNonNull(clock, "clock");
        this.meters = requireNonNull(meters, "meters");
    }

    @Override
    public String prefix() {
        return BetCallbackData.PREFIX;
    }

    @Override
    public void handle(IncomingCallback callback) {
        Instant at = clock.instant();
        Locale locale = Texts.localeFor(callback.languageCode());
        String answerKey = "bet.error";
        OptionalLong counted = OptionalLong.empty();
        try {
            locale = languages.languageOf(callback.userId()).orElse(locale);
            OptionalLong callId = callbackData.callIdOf(callback.data());
            if (callId.isEmpty()) {
                log.warn("Refused an I BET press from user {}: forged or garbled callback data", callback.userId());
                answerKey = "bet.invalid";
            } else {
                Optional<CallRecord> call = publishedCalls.find(callId.getAsLong());
                if (call.isEmpty()) {
                    log.warn("Refused an I BET press from user {}: unknown call {}", callback.userId(), callId.getAsLong());
                    answerKey = "bet.unknown";
                } else {
                    boolean first = clicks.record(new BetClicks.Press(callId.getAsLong(), callback.userId(),
                            callback.chatId(), locale.getLanguage(), at, timing.firstAskAt(call.get())));
                    answerKey = first ? "bet.counted" : "bet.already";
                    counted = callId;
                }
            }
        } catch (RuntimeException e) {
            log.error("I BET press of user {} failed; answered with an error", callback.userId(), e);
        } finally {
            sender.answerCallback(callback.callbackQueryId(), Texts.get(BUNDLE, locale, answerKey));
            // bet.counted, bet.already, bet.invalid, bet.unknown, bet.error
            Counter.builder("bot.bet.presses").tag("result", answerKey.substring(4)).register(meters).increment();
        }
        if (counted.isPresent()) {
            long callId = counted.getAsLong();
            for (BetClickHook hook : hooks) {
                hookCalls.call("bet_click", hook, () -> hook.betClicked(callId, callback.userId(), at));
            }
        }
    }
}
