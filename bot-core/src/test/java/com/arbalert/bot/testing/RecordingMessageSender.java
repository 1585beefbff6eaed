package com.arbalert.bot.testing;

import com.arbalert.bot.telegram.MessageSender;
import com.arbalert.bot.telegram.OutgoingMessage;
import com.arbalert.bot.telegram.SendPriority;
import com.arbalert.bot.telegram.SendResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A MessageSender that keeps what it was asked to send, for flow tests that do not need Telegram;
 * given a delegate, it also hands every call on (synchronously) and records the delegate's answer.
 */
public final class RecordingMessageSender implements MessageSender {

    public record Sent(OutgoingMessage message, SendPriority priority, int messageId) {
        public String html() {
            return message.html();
        }
    }

    public record Edit(long chatId, int messageId, OutgoingMessage replacement) {
    }

    public record Answer(String callbackQueryId, String text) {
    }

    private final AtomicInteger messageIds = new AtomicInteger(1000);
    private final MessageSender delegate;
    private final List<Sent> sent = new ArrayList<>();
    private final List<Edit> edits = new ArrayList<>();
    private final List<Answer> answers = new ArrayList<>();

    public RecordingMessageSender() {
        this(null);
    }

    public RecordingMessageSender(MessageSender delegate) {
        this.delegate = delegate;
    }

    @Override
    public synchronized CompletableFuture<SendResult> send(OutgoingMessage message, SendPriority priority, Instant notBefore) {
        SendResult result = delegate == null ? SendResult.sent(messageIds.incrementAndGet())
                : delegate.send(message, priority, notBefore).join();
        sent.add(new Sent(message, priority, result.messageId() == null ? -1 : result.messageId()));
        return CompletableFuture.completedFuture(result);
    }

    @Override
    public synchronized CompletableFuture<SendResult> edit(long chatId, int messageId, OutgoingMessage replacement) {
        edits.add(new Edit(chatId, messageId, replacement));
        return delegate == null ? CompletableFuture.completedFuture(SendResult.sent(messageId))
                : CompletableFuture.completedFuture(delegate.edit(chatId, messageId, replacement).join());
    }

    @Override
    public synchronized CompletableFuture<Boolean> answerCallback(String callbackQueryId, String text) {
        answers.add(new Answer(callbackQueryId, text));
        return delegate == null ? CompletableFuture.completedFuture(true)
                : CompletableFuture.completedFuture(delegate.answerCallback(callbackQueryId, text).join());
    }

    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** What was sent to one chat, oldest first. */
    public synchronized List<Sent> sentTo(long chatId) {
        return sent.stream().filter(s -> s.message().chatId() == chatId).toList();
    }

    public synchronized Sent last(long chatId) {
        List<Sent> to = sentTo(chatId);
        if (to.isEmpty()) {
            throw new AssertionError("nothing was sent to chat " + chatId);
        }
        return to.get(to.size() - 1);
    }

    public synchronized List<Edit> edits() {
        return List.copyOf(edits);
    }

    public synchronized List<Answer> answers() {
        return List.copyOf(answers);
    }

    public synchronized Answer lastAnswer() {
        if (answers.isEmpty()) {
            throw new AssertionError("no callback was answered");
        }
        return answers.get(answers.size() - 1);
    }

    public synchronized void clear() {
        sent.clear();
        edits.clear();
        answers.clear();
    }
}
