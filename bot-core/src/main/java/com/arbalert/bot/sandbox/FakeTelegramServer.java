package com.arbalert.bot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A Telegram Bot API server on loopback, spoken to over real HTTP by the real TelegramBots client.
 * Serves {@code /bot<token>/<method>} for getUpdates (long polling with offset and timeout),
 * sendMessage, editMessageText, editMessageReplyMarkup, answerCallbackQuery, sendPhoto and
 * sendDocument (multipart), setMyCommands, deleteWebhook and getMe.
 *
 * <p>Like the real server it refuses what Telegram refuses: callback_data over 64 bytes, HTML that
 * does not parse, more than {@code globalLimit} sends and edits in any one-second window or more
 * than {@code chatLimit} new messages to one chat (429 with retry_after, counted). A test plays the users
 * ({@link #userSends}, {@link #userPresses}), reads what the bot sent ({@link #messagesTo}) and
 * injects faults ({@link #failNext}, {@link #block}, {@link #holdUpdates}).
 */
public final class FakeTelegramServer implements AutoCloseable {
    public static final String DEFAULT_TOKEN = "123456789:TEST-fake-bot-token";
    public static final int CALLBACK_DATA_MAX_BYTES = 64;
    private static final Set<String> SENDS = Set.of("sendmessage", "sendphoto", "senddocument", "editmessagetext",
            "editmessagereplymarkup");

    /** An inline button as the bot sent it. */
    public record Button(String text, String callbackData) {
    }

    /**
     * A message the bot sent, as it is now (after edits). {@code text} is what the user reads
     * (tags removed, entities decoded); {@code html} is what the bot sent.
     */
    public record BotMessage(long chatId, int messageId, String kind, String html, String text,
            List<List<Button>> keyboard, boolean forceReply, String fileName, byte[] file, int edits, Instant sentAt) {

        public List<Button> buttons() {
            return keyboard.stream().flatMap(List::stream).toList();
        }

        BotMessage edited(String newHtml, String newText, List<List<Button>> newKeyboard) {
            return new BotMessage(chatId, messageId, kind, newHtml, newText, newKeyboard, forceReply, fileName, file,
                    edits + 1, sentAt);
        }
    }

    /** One accepted send (message or edit), with the server's arrival time for rate measurements. */
    public record Delivery(String method, long chatId, long arrivalNanos) {
    }

    /** An answerCallbackQuery the bot made. */
    public record CallbackAnswer(String callbackQueryId, String text, boolean showAlert) {
    }

    /** A fault the next matching request gets instead of a normal answer. */
    public sealed interface Fault {
        /** 429 with retry_after; the server then refuses sends until it has passed. */
        record TooManyRequests(int retryAfterSeconds) implements Fault {
        }

        record ServerError(int status) implements Fault {
        }

        /** Answers normally after a delay. */
        record Slow(Duration delay) implements Fault {
        }

        /** HTTP 200 with a body that is not a Bot API response. */
        record NonApiBody(String body) implements Fault {
        }

        /** Sends headers announcing a body, then nothing, until the client gives up. */
        record StalledBody() implements Fault {
        }

        static Fault tooManyRequests(int retryAfterSeconds) {
            return new TooManyRequests(retryAfterSeconds);
        }

        static Fault serverError() {
            return new ServerError(502);
        }

        static Fault slow(Duration delay) {
            return new Slow(delay);
        }

        static Fault nonApiBody() {
            return new NonApiBody("<html><body>502 Bad Gateway</body></html>");
        }

        static Fault stalledBody() {
            return new StalledBody();
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final String token;
    private final HttpServer http;
    private final ExecutorService workers;

    private final Object updatesLock = new Object();
    private final List<ObjectNode> pendingUpdates = new ArrayList<>();
    private int nextUpdateId = 1;
    private boolean updatesHeld;
    private final AtomicInteger getUpdatesCalls = new AtomicInteger();

    private final Map<Long, List<BotMessage>> messages = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> messageIds = new ConcurrentHashMap<>();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<CallbackAnswer> callbackAnswers = new CopyOnWriteArrayList<>();
    private final Set<String> openCallbackQueries = ConcurrentHashMap.newKeySet();
    private final List<JsonNode> commandMenus = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final Set<Long> blockedBy = ConcurrentHashMap.newKeySet();
    private final List<String> rejections = new CopyOnWriteArrayList<>();

    private volatile SlidingWindowLimit globalLimit;
    private final Map<Long, SlidingWindowLimit> chatLimits = new ConcurrentHashMap<>();
    private volatile int chatLimit;
    /** Requests already on their way when a 429 was answered cannot have known about it. */
    private static final long IN_FLIGHT_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private final AtomicLong floodStartNanos = new AtomicLong(Long.MIN_VALUE / 2);
    private final AtomicLong floodUntilNanos = new AtomicLong(Long.MIN_VALUE / 2);
    private final AtomicInteger tooManyRequests = new AtomicInteger();
    private final AtomicInteger rateLimitViolations = new AtomicInteger();
    private final AtomicInteger pauseViolations = new AtomicInteger();
    private final AtomicInteger callbackQueryIds = new AtomicInteger();

    private FakeTelegramServer(String token, int globalPerSecond, int chatPerSecond) throws IOException {
        this.token = token;
        this.globalLimit = new SlidingWindowLimit(globalPerSecond);
        this.chatLimit = chatPerSecond;
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-telegram");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(workers);
        http.createContext("/", this::serve);
        http.start();
    }

    /** A server with Telegram's limits: 30 sends/s overall, 1/s per chat. */
    public static FakeTelegramServer start() {
        return start(DEFAULT_TOKEN, 30, 1);
    }

    public static FakeTelegramServer start(String token, int globalPerSecond, int chatPerSecond) {
        try {
            return new FakeTelegramServer(token, globalPerSecond, chatPerSecond);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String token() {
        return token;
    }

    public String scheme() {
        return "http";
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** The base URL as TELEGRAM_API_URL takes it, such as {@code http://127.0.0.1:41234}. */
    public String url() {
        return scheme() + "://" + host() + ":" + port();
    }

    /** Changes the enforced limits (a benchmark scales them up); counts start again. */
    public void limits(int globalPerSecond, int chatPerSecond) {
        synchronized (chatLimits) {
            this.globalLimit = new SlidingWindowLimit(globalPerSecond);
            this.chatLimit = chatPerSecond;
            chatLimits.clear();
        }
    }

    // ---- playing the users ------------------------------------------------------------------

    /** A user writes {@code text} to the bot in their private chat; returns the update id. */
    public int userSends(long userId, String text, String languageCode) {
        return userSends(userId, "user" + userId, text, languageCode);
    }

    public int userSends(long userId, String username, String text, String languageCode) {
        return chatSends(userId, "private", userId, username, text, languageCode);
    }

    /** A user writes in a group the bot is in (the bot only answers private chats). */
    public int groupSends(long groupChatId, long userId, String text) {
        return chatSends(groupChatId, "group", userId, "user" + userId, text, "en");
    }

    private int chatSends(long chatId, String chatType, long userId, String username, String text, String lang) {
        ObjectNode message = json.createObjectNode();
        message.put("message_id", nextMessageId(chatId));
        message.set("from", user(userId, username, lang));
        message.set("chat", chat(chatId, chatType, userId, username));
        message.put("date", Instant.now().getEpochSecond());
        message.put("text", text);
        if (text.startsWith("/")) {
            int end = text.indexOf(' ');
            ArrayNode entities = message.putArray("entities");
            entities.addObject().put("type", "bot_command").put("offset", 0)
                    .put("length", end < 0 ? text.length() : end);
        }
        ObjectNode update = json.createObjectNode();
        update.set("message", message);
        return enqueue(update);
    }

    /**
     * A user presses an inline button of message {@code messageId} in their chat, carrying
     * {@code data}; returns the callback query id, to look up the bot's answer.
     */
    public String userPresses(long userId, int messageId, String data) {
        return userPresses(userId, messageId, data, "en");
    }

    public String userPresses(long userId, int messageId, String data, String languageCode) {
        String queryId = "cbq-" + callbackQueryIds.incrementAndGet();
        ObjectNode query = json.createObjectNode();
        query.put("id", queryId);
        query.set("from", user(userId, "user" + userId, languageCode));
        ObjectNode message = query.putObject("message");
        message.put("message_id", messageId);
        message.set("chat", chat(userId, "private", userId, "user" + userId));
        message.put("date", Instant.now().getEpochSecond());
        message.put("text", findMessage(userId, messageId).map(BotMessage::text).orElse(""));
        query.put("chat_instance", "ci-" + userId);
        query.put("data", data);
        openCallbackQueries.add(queryId);
        ObjectNode update = json.createObjectNode();
        update.set("callback_query", query);
        enqueue(update);
        return queryId;
    }

    /** While held, getUpdates calls get no answer at all (the client's read timeout ends them). */
    public void holdUpdates(boolean held) {
        synchronized (updatesLock) {
            updatesHeld = held;
            updatesLock.notifyAll();
        }
    }

    private int enqueue(ObjectNode update) {
        synchronized (updatesLock) {
            int id = nextUpdateId++;
            update.put("update_id", id);
            pendingUpdates.add(update);
            updatesLock.notifyAll();
            return id;
        }
    }

    /** True once the bot confirmed (by a later offset) every update injected so far. */
    public boolean allUpdatesConfirmed() {
        synchronized (updatesLock) {
            return pendingUpdates.isEmpty();
        }
    }

    // ---- faults -----------------------------------------------------------------------------

    /** The next request to {@code method} ("sendMessage", ... or "*" for any send) gets {@code fault}. */
    public void failNext(String method, Fault fault) {
        faults.computeIfAbsent(method.toLowerCase(Locale.ROOT), k -> new ArrayDeque<>()).addLast(fault);
    }

    public void failNext(String method, Fault fault, int times) {
        for (int i = 0; i < times; i++) {
            failNext(method, fault);
        }
    }

    /** The user blocks the bot: every send to their chat gets 403. */
    public void block(long userId) {
        blockedBy.add(userId);
    }

    // ---- what the bot did -------------------------------------------------------------------

    /** Every message the bot sent to a chat, oldest first, as it is now (after edits). */
    public List<BotMessage> messagesTo(long chatId) {
        return List.copyOf(messages.getOrDefault(chatId, List.of()));
    }

    public Optional<BotMessage> lastMessageTo(long chatId) {
        List<BotMessage> list = messagesTo(chatId);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1));
    }

    public Optional<BotMessage> findMessage(long chatId, int messageId) {
        return messagesTo(chatId).stream().filter(m -> m.messageId() == messageId).findFirst();
    }

    /** Every accepted send and edit, in arrival order. */
    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public List<CallbackAnswer> callbackAnswers() {
        return List.copyOf(callbackAnswers);
    }

    public Optional<CallbackAnswer> answerTo(String callbackQueryId) {
        return callbackAnswers.stream().filter(a -> a.callbackQueryId().equals(callbackQueryId)).findFirst();
    }

    /** The bodies of every setMyCommands call (commands, scope, language_code). */
    public List<JsonNode> commandMenus() {
        return List.copyOf(commandMenus);
    }

    /** How many times {@code method} was called (case-insensitive), whatever the answer. */
    public int calls(String method) {
        AtomicInteger n = calls.get(method.toLowerCase(Locale.ROOT));
        return n == null ? 0 : n.get();
    }

    public int getUpdatesCalls() {
        return getUpdatesCalls.get();
    }

    /** Every 429 answered, injected or for exceeding a limit. */
    public int tooManyRequests() {
        return tooManyRequests.get();
    }

    /** 429s answered because the bot exceeded the global or a chat's rate limit. */
    public int rateLimitViolations() {
        return rateLimitViolations.get();
    }

    /**
     * Sends that arrived while a retry_after the server announced was still running, not counting
     * those arriving within 200 ms of the 429 (already in flight when it was answered).
     */
    public int pauseViolations() {
        return pauseViolations.get();
    }

    /** Requests refused as invalid (400), with Telegram's description. */
    public List<String> rejections() {
        return List.copyOf(rejections);
    }

    // ---- HTTP -------------------------------------------------------------------------------

    private void serve(HttpExchange exchange) throws IOException {
        long arrival = System.nanoTime();
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String prefix = "/bot" + token + "/";
            if (!path.startsWith(prefix)) {
                reply(exchange, 401, error(401, "Unauthorized"));
                return;
            }
            String method = path.substring(prefix.length()).toLowerCase(Locale.ROOT);
            calls.computeIfAbsent(method, k -> new AtomicInteger()).incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            Fault fault = nextFault(method);
            if (fault != null && applyFault(exchange, fault, arrival)) {
                return;
            }
            JsonNode params = params(exchange, body);
            ObjectNode answer = switch (method) {
                case "getupdates" -> getUpdates(params);
                case "getme" -> ok(user(1, "fake_bot", null).put("is_bot", true));
                case "deletewebhook" -> ok(json.getNodeFactory().booleanNode(true));
                case "setmycommands" -> setMyCommands(params);
                case "answercallbackquery" -> answerCallbackQuery(params);
                case "sendmessage", "sendphoto", "senddocument", "editmessagetext", "editmessagereplymarkup" ->
                        send(method, params, arrival);
                default -> error(404, "Not Found: method not found");
            };
            if (answer == null) {
                return; // held getUpdates: no answer at all
            }
            reply(exchange, answer.path("ok").asBoolean() ? 200 : answer.path("error_code").asInt(400), answer);
        } catch (RuntimeException e) {
            reply(exchange, 400, error(400, "Bad Request: " + e.getMessage()));
        }
    }

    private Fault nextFault(String method) {
        Deque<Fault> specific = faults.get(method);
        if (specific != null) {
            synchronized (specific) {
                if (!specific.isEmpty()) {
                    return specific.pollFirst();
                }
            }
        }
        Deque<Fault> any = SENDS.contains(method) ? faults.get("*") : null;
        if (any != null) {
            synchronized (any) {
                return any.pollFirst();
            }
        }
        return null;
    }

    /** @return true when the fault answered the request */
    private boolean applyFault(HttpExchange exchange, Fault fault, long arrival) throws IOException {
        if (fault instanceof Fault.TooManyRequests t) {
            countPauseViolation(arrival);
            if (arrival >= floodUntilNanos.get()) {
                floodStartNanos.set(arrival);
            }
            floodUntilNanos.accumulateAndGet(arrival + TimeUnit.SECONDS.toNanos(t.retryAfterSeconds()), Math::max);
            tooManyRequests.incrementAndGet();
            reply(exchange, 429, tooMany(t.retryAfterSeconds()));
            return true;
        }
        if (fault instanceof Fault.ServerError s) {
            reply(exchange, s.status(), error(s.status(), "Internal Server Error"));
            return true;
        }
        if (fault instanceof Fault.NonApiBody n) {
            byte[] bytes = n.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            return true;
        }
        if (fault instanceof Fault.StalledBody) {
            exchange.sendResponseHeaders(200, 1000);
            exchange.getResponseBody().write("{\"ok\":".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            sleep(Duration.ofSeconds(60));
            return true;
        }
        if (fault instanceof Fault.Slow s) {
            sleep(s.delay());
        }
        return false;
    }

    private JsonNode params(HttpExchange exchange, byte[] body) throws IOException {
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (type.startsWith("multipart/")) {
            ObjectNode params = json.createObjectNode();
            Map<String, Multipart.Part> parts = Multipart.parse(type, body);
            for (Multipart.Part part : parts.values()) {
                String value = part.fileName() == null ? part.text() : null;
                // a file is either the field itself or a part the field names as attach://<part>
                Multipart.Part file = value != null && value.startsWith("attach://")
                        ? parts.get(value.substring("attach://".length())) : part;
                if (file != null && file.fileName() != null) {
                    params.put(part.name(), file.content());
                    params.put(part.name() + "#file_name", file.fileName());
                } else if (value != null) {
                    params.put(part.name(), value);
                }
            }
            return params;
        }
        return body.length == 0 ? json.createObjectNode() : json.readTree(body);
    }

    private ObjectNode getUpdates(JsonNode params) {
        getUpdatesCalls.incrementAndGet();
        long offset = params.path("offset").asLong(0);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(params.path("timeout").asInt(0));
        int limit = params.path("limit").asInt(100);
        synchronized (updatesLock) {
            pendingUpdates.removeIf(u -> u.path("update_id").asLong() < offset);
            while (updatesHeld || pendingUpdates.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (!updatesHeld && left <= 0) {
                    break;
                }
                try {
                    updatesLock.wait(updatesHeld ? 100 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            ArrayNode result = json.createArrayNode();
            pendingUpdates.stream().limit(Math.max(1, limit)).forEach(result::add);
            return ok(result);
        }
    }

    private ObjectNode setMyCommands(JsonNode params) {
        JsonNode commands = params.path("commands");
        if (!commands.isArray() || commands.isEmpty()) {
            return reject("Bad Request: commands must be a non-empty array");
        }
        for (JsonNode c : commands) {
            if (!c.path("command").asText().matches("[a-z0-9_]{1,32}") || c.path("description").asText().isEmpty()) {
                return reject("Bad Request: BOT_COMMAND_INVALID " + c);
            }
        }
        commandMenus.add(params);
        return ok(json.getNodeFactory().booleanNode(true));
    }

    private ObjectNode answerCallbackQuery(JsonNode params) {
        String id = params.path("callback_query_id").asText();
        if (!openCallbackQueries.remove(id)) {
            return reject("Bad Request: query is too old and response timeout expired or query ID is invalid");
        }
        String text = params.hasNonNull("text") ? params.get("text").asText() : null;
        callbackAnswers.add(new CallbackAnswer(id, text, params.path("show_alert").asBoolean(false)));
        return ok(json.getNodeFactory().booleanNode(true));
    }

    private ObjectNode send(String method, JsonNode params, long arrival) {
        long chatId = Long.parseLong(params.path("chat_id").asText());
        boolean isEdit = method.startsWith("edit");
        String html;
        if (method.equals("sendmessage") || method.equals("editmessagetext")) {
            html = params.path("text").asText("");
            if (html.isEmpty()) {
                return reject("Bad Request: message text is empty");
            }
        } else {
            html = params.path("caption").asText("");
        }
        boolean parseHtml = "html".equalsIgnoreCase(params.path("parse_mode").asText());
        String problem = parseHtml ? ParseModeCheck.check(html) : null;
        if (problem != null) {
            return reject(problem);
        }
        String visible = parseHtml ? ParseModeCheck.visibleText(html) : html;
        if (visible.codePointCount(0, visible.length()) > (method.startsWith("send") && !method.equals("sendmessage")
                ? 1024 : 4096)) {
            return reject("Bad Request: message is too long");
        }
        JsonNode markup = markup(params.get("reply_markup"));
        List<List<Button>> keyboard = new ArrayList<>();
        for (JsonNode row : markup.path("inline_keyboard")) {
            List<Button> buttons = new ArrayList<>();
            for (JsonNode b : row) {
                String data = b.path("callback_data").asText(null);
                if (data != null && data.getBytes(StandardCharsets.UTF_8).length > CALLBACK_DATA_MAX_BYTES) {
                    return reject("Bad Request: BUTTON_DATA_INVALID");
                }
                buttons.add(new Button(b.path("text").asText(), data));
            }
            keyboard.add(List.copyOf(buttons));
        }
        if (blockedBy.contains(chatId)) {
            return error(403, "Forbidden: bot was blocked by the user");
        }
        ObjectNode limited = checkLimits(chatId, !isEdit, arrival);
        if (limited != null) {
            return limited;
        }
        BotMessage stored;
        if (isEdit) {
            int messageId = params.path("message_id").asInt();
            List<BotMessage> chatMessages = messages.getOrDefault(chatId, List.of());
            synchronized (chatMessages) {
                int index = -1;
                for (int i = 0; i < chatMessages.size(); i++) {
                    if (chatMessages.get(i).messageId() == messageId) {
                        index = i;
                    }
                }
                if (index < 0) {
                    return reject("Bad Request: message to edit not found");
                }
                BotMessage old = chatMessages.get(index);
                stored = method.equals("editmessagetext") ? old.edited(html, visible, keyboard)
                        : old.edited(old.html(), old.text(), keyboard);
                chatMessages.set(index, stored);
            }
        } else {
            String kind = method.substring("send".length());
            byte[] file = params.has(kind) && params.get(kind).isBinary() ? binary(params.get(kind)) : null;
            stored = new BotMessage(chatId, nextMessageId(chatId), kind, html, visible, List.copyOf(keyboard),
                    markup.path("force_reply").asBoolean(false), params.path(kind + "#file_name").asText(null), file,
                    0, Instant.now());
            List<BotMessage> chatMessages = messages.computeIfAbsent(chatId, k -> new CopyOnWriteArrayList<>());
            chatMessages.add(stored);
        }
        deliveries.add(new Delivery(method, chatId, arrival));
        ObjectNode message = json.createObjectNode();
        message.put("message_id", stored.messageId());
        message.set("from", user(1, "fake_bot", null).put("is_bot", true));
        message.set("chat", chat(chatId, "private", chatId, "user" + chatId));
        message.put("date", stored.sentAt().getEpochSecond());
        message.put(method.endsWith("message") || method.equals("editmessagetext") ? "text" : "caption", visible);
        return ok(message);
    }

    /** Edits count toward the global limit only, as a bot may edit a message right after sending another. */
    private ObjectNode checkLimits(long chatId, boolean chatLimited, long arrival) {
        if (arrival < floodUntilNanos.get()) {
            countPauseViolation(arrival);
            tooManyRequests.incrementAndGet();
            return tooMany((int) Math.max(1, TimeUnit.NANOSECONDS.toSeconds(floodUntilNanos.get() - arrival) + 1));
        }
        int wait;
        synchronized (chatLimits) {
            SlidingWindowLimit global = globalLimit;
            SlidingWindowLimit chat = chatLimits.computeIfAbsent(chatId, k -> new SlidingWindowLimit(chatLimit));
            wait = Math.max(global.waitSeconds(arrival), chatLimited ? chat.waitSeconds(arrival) : 0);
            if (wait == 0) {
                global.record(arrival);
                if (chatLimited) {
                    chat.record(arrival);
                }
            }
        }
        if (wait > 0) {
            rateLimitViolations.incrementAndGet();
            tooManyRequests.incrementAndGet();
            return tooMany(wait);
        }
        return null;
    }

    private void countPauseViolation(long arrival) {
        if (arrival < floodUntilNanos.get() && arrival > floodStartNanos.get() + IN_FLIGHT_GRACE_NANOS) {
            pauseViolations.incrementAndGet();
        }
    }

    private JsonNode markup(JsonNode raw) {
        if (raw == null || raw.isNull()) {
            return json.createObjectNode();
        }
        if (raw.isTextual()) {
            try {
                return json.readTree(raw.asText());
            } catch (IOException e) {
                throw new IllegalArgumentException("can't parse reply keyboard markup JSON object");
            }
        }
        return raw;
    }

    private static byte[] binary(JsonNode node) {
        try {
            return node.binaryValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int nextMessageId(long chatId) {
        return messageIds.computeIfAbsent(chatId, k -> new AtomicInteger()).incrementAndGet();
    }

    private ObjectNode user(long id, String username, String languageCode) {
        ObjectNode user = json.createObjectNode();
        user.put("id", id);
        user.put("is_bot", false);
        user.put("first_name", username == null ? "User" : username);
        if (username != null) {
            user.put("username", username);
        }
        if (languageCode != null) {
            user.put("language_code", languageCode);
        }
        return user;
    }

    private ObjectNode chat(long chatId, String type, long userId, String username) {
        ObjectNode chat = json.createObjectNode();
        chat.put("id", chatId);
        chat.put("type", type);
        if ("private".equals(type)) {
            chat.put("first_name", username);
            chat.put("username", username);
        } else {
            chat.put("title", "Group " + chatId);
        }
        return chat;
    }

    private ObjectNode ok(JsonNode result) {
        ObjectNode answer = json.createObjectNode();
        answer.put("ok", true);
        answer.set("result", result);
        return answer;
    }

    private ObjectNode error(int code, String description) {
        ObjectNode answer = json.createObjectNode();
        answer.put("ok", false);
        answer.put("error_code", code);
        answer.put("description", description);
        return answer;
    }

    private ObjectNode reject(String description) {
        rejections.add(description);
        return error(400, description);
    }

    private ObjectNode tooMany(int retryAfter) {
        ObjectNode answer = error(429, "Too Many Requests: retry after " + retryAfter);
        answer.putObject("parameters").put("retry_after", retryAfter);
        return answer;
    }

    private void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A one-line summary for assertion messages. */
    public String summary() {
        return "calls=" + calls.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(",")) + " 429s=" + tooManyRequests + " rateViolations="
                + rateLimitViolations + " pauseViolations=" + pauseViolations + " rejections=" + rejections;
    }

    @Override
    public void close() {
        holdUpdates(false);
        http.stop(0);
        workers.shutdownNow();
    }

    /** Chats that got at least one message. */
    public Set<Long> chatsWithMessages() {
        return new HashSet<>(messages.keySet());
    }
}
