package com.arbalert.bot.alerts;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.commands.BotTexts;
import com.arbalert.bot.i18n.Texts;
import com.arbalert.bot.spi.CallIds;
import com.arbalert.bot.spi.CallRecord;
import com.arbalert.bot.subscribers.Subscriber;
import com.arbalert.bot.subscribers.SubscriberRepository;
import com.arbalert.bot.telegram.BetButtonFactory;
import com.arbalert.bot.telegram.MessageSender;
import com.arbalert.bot.telegram.OutgoingMessage;
import com.arbalert.bot.telegram.SendPriority;
import com.arbalert.bot.telegram.SendResult;
import com.arbalert.bot.telegram.TelegramConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a call to every active subscriber: gives it an id, drops it when an identical call
 * went out within ALERT_DEDUP_WINDOW, queues one alert per subscriber with an I BET button, and
 * tells the {@code CallSentHook}s when the broadcast is planned and when every send has ended.
 * Queues and returns: never waits for Telegram.
 */
@Singleton
public final class AlertPublisher {
    private static final Logger log = LoggerFactory.getLogger(AlertPublisher.class);
    private static final int CLEANUP_EVERY = 500;

    private final CallIds callIds;
    private final AlertFingerprints fingerprints;
    private final SubscriberRepository subscribers;
    private final MessageSender sender;
    private final BetButtonFactory betButtons;
    private final CallSentHooks hooks;
    private final Clock clock;
    private final Duration dedupWindow;
    private final Counter published;
    private final Counter duplicates;
    private final AtomicInteger sinceCleanup = new AtomicInteger();

    @Inject
    public AlertPublisher(CallIds callIds, AlertFingerprints fingerprints, SubscriberRepository subscribers,
            MessageSender sender, BetButtonFactory betButtons, CallSentHooks hooks, TelegramConfig config, Clock clock,
            MeterRegistry meters) {
        this.callIds = requireNonNull(callIds, "callIds");
        this.fingerprints = requireNonNull(fingerprints, "fingerprints");
        this.subscribers = requireNonNull(subscribers, "subscribers");
        this.sender = requireNonNull(sender, "sender");
        this.betButtons = requireNonNull(betButtons, "betButtons");
        this.hooks = requireNonNull(hooks, "hooks");
        this.clock = requireNonNull(clock, "clock");
        this.dedupWindow = config.getAlertDedupWindow();
        this.published = meters.counter("alerts.published");
        this.duplicates = meters.counter("alerts.duplicates");
    }

    /**
     * @param call a valid call (records are validated when built); its call id, sent time and
     *     notified count are ignored and set here
     * @throws SQLException when the database cannot record the call; nothing was sent
     */
    public PublishResult publish(CallRecord call) throws SQLException {
        requireNonNull(call, "call");
        long id = callIds.next();
        Instant now = clock.instant();
        OptionalLong first = fingerprints.claim(CallFingerprint.of(call), id, now, dedupWindow);
        if (first.isPresent()) {
            duplicates.increment();
            log.info("Call {} vs {} ({}) is a duplicate of call {}: not sent", call.teamA(), call.teamB(),
                    call.market(), first.getAsLong());
            return new PublishResult(first.getAsLong(), 0, true);
        }
        String betData = betButtons.betCallbackData(id);
        List<Subscriber> recipients = subscribers.activeSubscribers();
        CallRecord sent = call.withCallId(id).withSent(now, recipients.size());
        Map<Locale, String> html = Map.of(Texts.ENGLISH, AlertFormatter.html(sent, Texts.ENGLISH),
                Texts.FRENCH, AlertFormatter.html(sent, Texts.FRENCH));
        published.increment();
        log.info("Publishing call {} ({} vs {}) to {} subscribers", id, call.teamA(), call.teamB(), recipients.size());
        hooks.planned(sent, recipients.size());
        Broadcast broadcast = new Broadcast(id, recipients.size());
        for (Subscriber s : recipients) {
            Locale locale = Texts.localeFor(s.language());
            OutgoingMessage message = new OutgoingMessage(s.chatId(), html.get(locale),
                    List.of(List.of(new OutgoingMessage.Button(BotTexts.get(locale, "alert.button.bet"), betData))),
                    false);
            sender.send(message, SendPriority.ALERT, now).whenComplete(broadcast::ended);
        }
        broadcast.planned();
        forgetOldFingerprints(now);
        return new PublishResult(id, recipients.size(), false);
    }

    private void forgetOldFingerprints(Instant now) {
        if (sinceCleanup.incrementAndGet() % CLEANUP_EVERY == 0) {
            try {
                fingerprints.forgetBefore(now.minus(dedupWindow));
            } catch (SQLException e) {
                log.warn("Could not forget old call fingerprints: {}", e.getMessage());
            }
        }
    }

    /** Counts sends as they end and calls broadcastFinished once, after the last. */
    private final class Broadcast {
        private final long callId;
        private final AtomicInteger pending;
        private final AtomicInteger delivered = new AtomicInteger();

        Broadcast(long callId, int recipients) {
            this.callId = callId;
            // one extra, released by planned(): with no recipients (or all done at once) it still ends once
            this.pending = new AtomicInteger(recipients + 1);
        }

        void ended(SendResult result, Throwable error) {
            if (error == null && result.delivered()) {
                delivered.incrementAndGet();
            }
            release();
        }

        void planned() {
            release();
        }

        private void release() {
            if (pending.decrementAndGet() == 0) {
                log.info("Call {} delivered to {} subscribers", callId, delivered.get());
                hooks.finished(callId, delivered.get());
            }
        }
    }
}
