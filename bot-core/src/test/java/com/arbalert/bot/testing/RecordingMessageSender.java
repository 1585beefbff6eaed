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

/** A MessageSender that keeps what it was asked to send, for flow tests that do not need Telegram. */
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
    private final List<Sent> sent = new ArrayList<>();
    private final List<Edit> edits = new ArrayList<>();
    private final List<Answer> answers = new ArrayList<>();

    @Override
    public synchronized CompletableFuture<SendResult> send(OutgoingMessage message, SendPriority priority, Instant notBefore) {
        int id = messageIds.incrementAndGet();
        sent.add(new Sent(message, priority, id));
        return CompletableFuture.completedFuture(SendResult.sent(id));
    }

    @Override
    public synchronized CompletableFuture<SendResult> edit(long chatId, int messageId, OutgoingMessage replacement) {
        edits.add(new Edit(chatId, messageId, replacement));
        return CompletableFuture.completedFuture(SendResult.sent(messageId));
    }

    @Override
    public synchronized CompletableFuture<Boolean> answerCallback(String callbackQueryId, String text) {
        answers.add(new Answer(callbackQueryId, text));
        return CompletableFuture.completedFuture(true);
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
