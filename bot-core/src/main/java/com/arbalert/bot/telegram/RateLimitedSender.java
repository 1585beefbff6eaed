package com.arbalert.bot.telegram;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.spi.Service;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * The bot's one way out to Telegram. A single thread paces requests: at most TELEGRAM_GLOBAL_RATE
 * per second overall ({@link SendWindow}) and TELEGRAM_CHAT_RATE per second to one chat, counted
 * from when the previous requests were answered (by then the server had counted them), so network
 * and scheduling delays never push the server's one-second windows over the limit. Requests are sent asynchronously so a slow answer does
 * not slow the pace. A 429 pauses everything for its retry_after; transient errors are retried with backoff.
 * Replies to people go first, then alerts newest call first, then background messages.
 */
@Singleton
public final class RateLimitedSender implements MessageSender, Service {
    private static final Logger log = LoggerFactory.getLogger(RateLimitedSender.class);
    /** Jobs looked at per pick while their chats are still cooling down. */
    private static final int SCAN_LIMIT = 256;
    private static final int MAX_TOO_MANY_REQUESTS = 20;
    /** An unanswered request older than this is no longer on its way to the server. */
    static final long MAX_FLIGHT_NANOS = TimeUnit.MILLISECONDS.toNanos(150);

    private final TelegramConnection connection;
    private final BlockedChats blockedChats;
    private final Clock clock;
    private final SendWindow globalWindow;
    private final long chatIntervalNanos;
    private final long pauseMarginNanos;
    private final Duration maxAge;
    private final Duration retryBackoff;
    private final int maxRetries;
    private final Map<SendResult.Status, Counter> results = new HashMap<>();
    private final Counter tooManyRequests;
    private final Counter retries;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Job> queue = new PriorityQueue<>(Job.ORDER);
    private final Map<Long, Long> chatReadyAt = new HashMap<>();
    private final Set<Long> blocked = ConcurrentHashMap.newKeySet();
    private long pausedUntil = Long.MIN_VALUE / 2;
    private long sequence;
    private boolean stopped;
    private Thread pacer;

    @Inject
    public RateLimitedSender(TelegramConnection connection, TelegramConfig config, BlockedChats blockedChats,
            Clock clock, MeterRegistry meters) {
        this.connection = requireNonNull(connection, "connection");
        this.blockedChats = requireNonNull(blockedChats, "blockedChats");
        this.clock = requireNonNull(clock, "clock");
        long second = TimeUnit.SECONDS.toNanos(1);
        this.globalWindow = new SendWindow(config.getGlobalRate(), second + config.getRateMargin().toNanos(),
                MAX_FLIGHT_NANOS);
        this.chatIntervalNanos = (second + config.getChatMargin().toNanos()) / config.getChatRate();
        this.pauseMarginNanos = config.getChatMargin().toNanos();
        this.maxAge = config.getAlertMaxAge();
        this.retryBackoff = config.getRetryBackoff();
        this.maxRetries = config.getMaxRetries();
        for (SendResult.Status s : SendResult.Status.values()) {
            results.put(s, meters.counter("telegram.sends", "result", s.name().toLowerCase()));
        }
        this.tooManyRequests = meters.counter("telegram.too_many_requests");
        this.retries = meters.counter("telegram.send_retries");
        meters.gauge("telegram.send_queue", queue, q -> size());
    }

    @Override
    public int phase() {
        return PHASE_CORE;
    }

    @Override
    public void start() {
        lock.lock();
        try {
            stopped = false;
            pacer = new Thread(this::run, "telegram-sender");
            pacer.setDaemon(true);
            pacer.start();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void stop() throws InterruptedException {
        List<Job> left;
        Thread t;
        lock.lock();
        try {
            stopped = true;
            left = new ArrayList<>(queue);
            queue.clear();
            t = pacer;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (t != null) {
            t.interrupt();
            t.join(TimeUnit.SECONDS.toMillis(5));
        }
        if (!left.isEmpty()) {
            log.warn("Telegram sender stopped with {} messages unsent", left.size());
        }
        left.forEach(j -> finish(j, new SendResult(SendResult.Status.FAILED, null, "sender stopped")));
    }

    @Override
    public CompletableFuture<SendResult> send(OutgoingMessage message, SendPriority priority, Instant callTime) {
        BotApiRequests.checkCallbackData(message.keyboard());
        if (priority == SendPriority.INTERACTIVE) {
            // someone who writes to the bot has unblocked it
            blocked.remove(message.chatId());
        }
        return enqueue(new Job(message, null, requireNonNull(priority, "priority"), requireNonNull(callTime, "callTime")));
    }

    @Override
    public CompletableFuture<SendResult> edit(long chatId, int messageId, OutgoingMessage replacement) {
        BotApiRequests.checkCallbackData(replacement.keyboard());
        OutgoingMessage m = new OutgoingMessage(chatId, replacement.html(), replacement.keyboard(), false);
        return enqueue(new Job(m, messageId, SendPriority.INTERACTIVE, clock.instant()));
    }

    @Override
    public CompletableFuture<Boolean> answerCallback(String callbackQueryId, String text) {
        AnswerCallbackQuery answer = AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).text(text).build();
        return connection.call(answer).handle((ok, error) -> {
            if (error != null) {
                log.warn("answerCallbackQuery failed: {}", ApiFailure.of(error).description());
                return false;
            }
            return Boolean.TRUE.equals(ok);
        });
    }

    /** Messages waiting to be sent (not counting those in flight). */
    public int size() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    private CompletableFuture<SendResult> enqueue(Job job) {
        lock.lock();
        try {
            if (stopped) {
                job.future.complete(new SendResult(SendResult.Status.FAILED, null, "sender stopped"));
                return job.future;
            }
            job.sequence = sequence++;
            queue.add(job);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return job.future;
    }

    private void run() {
        while (true) {
            Job job;
            lock.lock();
            try {
                if (stopped) {
                    return;
                }
                long now = System.nanoTime();
                long wait = Math.max(pausedUntil, globalWindow.earliest(now)) - now;
                if (wait > 0) {
                    changed.awaitNanos(wait);
                    continue;
                }
                job = pickReady(now);
                if (job == null) {
                    continue;
                }
                if (!isDue(job)) {
                    lock.unlock();
                    try {
                        dropUndue(job);
                    } finally {
                        lock.lock();
                    }
                    continue;
                }
                job.ticket = globalWindow.record(now);
                job.dispatchedAt = now;
                job.answered = false;
                if (!job.isEdit()) {
                    chatReadyAt.put(job.message.chatId(), now + MAX_FLIGHT_NANOS + chatIntervalNanos);
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                if (lock.isHeldByCurrentThread()) {
                    lock.unlock();
                }
            }
            dispatch(job);
            long left = System.nanoTime();
            lock.lock();
            try {
                // the first request of a kind spends milliseconds in serialisation: count from when it left
                globalWindow.left(job.ticket, left);
                if (!job.isEdit() && !job.answered) {
                    job.dispatchedAt = left;
                    chatReadyAt.put(job.message.chatId(), left + MAX_FLIGHT_NANOS + chatIntervalNanos);
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** The first job in priority order whose chat may get a message now; else waits and returns null. */
    private Job pickReady(long now) throws InterruptedException {
        List<Job> cooling = new ArrayList<>();
        Job found = null;
        long wakeAt = Long.MAX_VALUE;
        while (found == null && cooling.size() < SCAN_LIMIT && !queue.isEmpty()) {
            Job j = queue.poll();
            long ready = Math.max(j.readyAt, j.isEdit() ? Long.MIN_VALUE : chatReadyAt.getOrDefault(j.message.chatId(),
                    Long.MIN_VALUE));
            if (ready <= now) {
                found = j;
            } else {
                cooling.add(j);
                wakeAt = Math.min(wakeAt, ready);
            }
        }
        queue.addAll(cooling);
        if (found == null) {
            if (cooling.size() >= SCAN_LIMIT) {
                wakeAt = Math.min(wakeAt, now + TimeUnit.MILLISECONDS.toNanos(10));
            }
            if (wakeAt == Long.MAX_VALUE) {
                changed.await();
            } else {
                changed.awaitNanos(wakeAt - now);
            }
        }
        if (chatReadyAt.size() > 10_000) {
            chatReadyAt.values().removeIf(t -> t <= now);
        }
        return found;
    }

    private boolean isDue(Job job) {
        return !blocked.contains(job.message.chatId()) && !isExpired(job);
    }

    private boolean isExpired(Job job) {
        return job.priority == SendPriority.ALERT && clock.instant().isAfter(job.callTime.plus(maxAge));
    }

    private void dropUndue(Job job) {
        finish(job, isExpired(job) ? new SendResult(SendResult.Status.EXPIRED, null, "older than ALERT_MAX_AGE")
                : new SendResult(SendResult.Status.BLOCKED, null, "user blocked the bot"));
    }

    private void dispatch(Job job) {
        CompletableFuture<? extends Serializable> call;
        try {
            call = job.isEdit()
                    ? connection.call(BotApiRequests.editMessageText(job.message.chatId(), job.editMessageId,
                            job.message))
                    : connection.call(BotApiRequests.sendMessage(job.message));
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        call.whenComplete((result, error) -> {
                    try {
                        completed(job, result, error);
                    } catch (RuntimeException e) {
                        log.error("Unexpected error after a send to chat {}", job.message.chatId(), e);
                        finish(job, new SendResult(SendResult.Status.FAILED, null, e.toString()));
                    }
                });
    }

    private void completed(Job job, Object result, Throwable error) {
        long now = System.nanoTime();
        lock.lock();
        try {
            // the server counted the request before it answered: from now on we know when
            job.answered = true;
            globalWindow.answered(job.ticket, now);
            if (!job.isEdit()) {
                chatReadyAt.put(job.message.chatId(), Math.min(now, job.dispatchedAt + MAX_FLIGHT_NANOS)
                        + chatIntervalNanos);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (error == null) {
            int id = result instanceof Message m ? m.getMessageId() : job.isEdit() ? job.editMessageId : 0;
            finish(job, SendResult.sent(id));
            return;
        }
        ApiFailure failure = ApiFailure.of(error);
        switch (failure.kind()) {
            case TOO_MANY_REQUESTS -> {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(failure.retryAfterSeconds())
                        + pauseMarginNanos;
                log.warn("Telegram answered 429: all sends pause for {} s", failure.retryAfterSeconds());
                if (++job.tooManyRequests > MAX_TOO_MANY_REQUESTS) {
                    finish(job, new SendResult(SendResult.Status.FAILED, null, failure.description()));
                } else {
                    requeue(job, until, true);
                }
                tooManyRequests.increment();
            }
            case BLOCKED -> {
                blocked.add(job.message.chatId());
                try {
                    blockedChats.chatBlocked(job.message.chatId());
                } catch (RuntimeException e) {
                    log.error("Could not record that chat {} blocked the bot", job.message.chatId(), e);
                }
                finish(job, new SendResult(SendResult.Status.BLOCKED, null, failure.description()));
            }
            case TRANSIENT -> {
                if (job.attempts < maxRetries) {
                    retries.increment();
                    long backoff = retryBackoff.toNanos() << Math.min(job.attempts, 10);
                    job.attempts++;
                    log.info("Send to chat {} failed ({}), retry {} of {}", job.message.chatId(),
                            failure.description(), job.attempts, maxRetries);
                    requeue(job, System.nanoTime() + backoff, false);
                } else {
                    log.warn("Send to chat {} failed after {} retries: {}", job.message.chatId(), maxRetries,
                            failure.description());
                    finish(job, new SendResult(SendResult.Status.FAILED, null, failure.description()));
                }
            }
            case PERMANENT -> {
                if (job.isEdit() && failure.description().contains("message is not modified")) {
                    finish(job, SendResult.sent(job.editMessageId));
                    return;
                }
                log.warn("Telegram refused a message to chat {}: {}", job.message.chatId(), failure.description());
                finish(job, new SendResult(SendResult.Status.FAILED, null, failure.description()));
            }
            default -> throw new IllegalStateException(failure.kind().name());
        }
    }

    private void requeue(Job job, long notBeforeNanos, boolean pauseAll) {
        lock.lock();
        try {
            if (stopped) {
                finish(job, new SendResult(SendResult.Status.FAILED, null, "sender stopped"));
                return;
            }
            if (pauseAll) {
                pausedUntil = Math.max(pausedUntil, notBeforeNanos);
                // a refused request did not count toward the chat's limit
                chatReadyAt.remove(job.message.chatId());
            } else {
                job.readyAt = notBeforeNanos;
            }
            queue.add(job);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void finish(Job job, SendResult result) {
        results.get(result.status()).increment();
        job.future.complete(result);
    }

    /** One message (or edit) on its way; mutable fields are guarded by the sender's lock. */
    private static final class Job {
        static final Comparator<Job> ORDER = Comparator.<Job>comparingInt(j -> j.priority.ordinal())
                .thenComparing((a, b) -> a.priority == SendPriority.ALERT ? b.callTime.compareTo(a.callTime) : 0)
                .thenComparingLong(j -> j.sequence);

        final OutgoingMessage message;
        final Integer editMessageId;
        final SendPriority priority;
        final Instant callTime;
        final CompletableFuture<SendResult> future = new CompletableFuture<>();
        long sequence;
        long readyAt = Long.MIN_VALUE;
        long ticket;
        long dispatchedAt;
        boolean answered;
        int attempts;
        int tooManyRequests;

        Job(OutgoingMessage message, Integer editMessageId, SendPriority priority, Instant callTime) {
            this.message = message;
            this.editMessageId = editMessageId;
            this.priority = priority;
            this.callTime = callTime;
        }

        boolean isEdit() {
            return editMessageId != null;
        }
    }
}
