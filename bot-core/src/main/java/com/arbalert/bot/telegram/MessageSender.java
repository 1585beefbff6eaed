package com.arbalert.bot.telegram;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The one rate-limited way out to Telegram (30 messages/s overall, 1/s per chat, 429 honoured).
 * Never blocks its caller: every method queues and returns.
 */
public interface MessageSender {

    /**
     * @param notBefore for alerts, the call's time; an alert queued longer than ALERT_MAX_AGE
     *     after it is dropped as EXPIRED, and newer alerts go first
     */
    CompletableFuture<SendResult> send(OutgoingMessage message, SendPriority priority, Instant notBefore);

    default CompletableFuture<SendResult> send(OutgoingMessage message, SendPriority priority) {
        return send(message, priority, Instant.now());
    }

    /** Replaces the text (and keyboard) of a message the bot sent earlier. */
    CompletableFuture<SendResult> edit(long chatId, int messageId, OutgoingMessage replacement);

    /** answerCallbackQuery; answered out of band of the per-chat limit, as Telegram allows. */
    CompletableFuture<Boolean> answerCallback(String callbackQueryId, String text);
}
