package com.arbalert.bot.demo;

import ch.qos.logback.classic.Level;
import com.arbalert.bot.bootstrap.BotCommand;
import com.arbalert.bot.bootstrap.Bootstrap;
import com.arbalert.bot.bootstrap.Launch;
import com.arbalert.bot.config.ConfigSources;
import com.arbalert.bot.http.HttpServer;
import com.arbalert.bot.lifecycle.Lifecycle;
import com.arbalert.bot.sandbox.FakeTelegramServer;
import com.google.inject.Injector;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * {@code ./bot demo}: the whole product on one machine with nothing configured. The embedded
 * MariaDB, an in-process sandbox Bot API in place of Telegram, the bot with its plugins, and a
 * scripted crowd; it prints a transcript and the admin's /stats, then stops and exits 0.
 */
public final class DemoCommand implements BotCommand {
    private static final int USERS = 50;
    private static final int CALLS = 30;
    /**
     * Telegram's limits (30 messages/s, 1/s per chat) scaled by ten in the sandbox, for the bot and
     * the sandbox alike, so that 1,500 alerts take seconds rather than a minute.
     */
    private static final int RATE_SCALE = 10;

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "run the bot against a sandbox Telegram with a scripted crowd, print the admin's /stats, exit";
    }

    @Override
    public int run(Launch launch) throws Exception {
        // the transcript is the demo's output; the bot's own log keeps to warnings meanwhile
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Transcript transcript = new Transcript(launch.out());
        Path dataDir = demoDataDir(launch.sources());
        clearPreviousRun(dataDir);
        String ingestToken = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        try (FakeTelegramServer telegram = FakeTelegramServer.start(FakeTelegramServer.DEFAULT_TOKEN,
                30 * RATE_SCALE, RATE_SCALE)) {
            ConfigSources sources = demoSources(launch.sources(), telegram, dataDir, ingestToken);
            transcript.line("Starting the embedded MariaDB under %s, a sandbox Bot API on %s and the bot "
                    + "(Telegram's rate limits scaled x%d in the sandbox)", dataDir, telegram.url(), RATE_SCALE);
            Injector injector = new Bootstrap(launch.modules()).initialize(sources);
            Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
            lifecycle.start();
            try {
                URI http = URI.create("http://127.0.0.1:" + injector.getInstance(HttpServer.class).port());
                transcript.line("Bot running: %d services, HTTP on %s", lifecycle.services().size(), http);
                DemoCrowd crowd = new DemoCrowd(telegram, http, ingestToken, transcript, new Random(42), USERS);
                String stats = crowd.play(CALLS);
                transcript.line("The admin sent /stats 1d and got:");
                transcript.block("/stats", stats);
            } finally {
                lifecycle.stop();
            }
            transcript.line("Bot stopped. The data stays in %s for a look with any MariaDB client.", dataDir);
        }
        return Launch.OK;
    }

    private static Path demoDataDir(ConfigSources sources) {
        String base = sources.environment().getOrDefault("DATA_DIR", sources.file().getOrDefault("DATA_DIR", "data"));
        return Path.of(base.isBlank() ? "data" : base).resolve("demo").toAbsolutePath().normalize();
    }

    /** A fresh run each time, but the unpacked MariaDB binaries are kept: they take seconds to unpack. */
    private static void clearPreviousRun(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        Path binaries = dataDir.resolve("mariadb").resolve("base");
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.startsWith(binaries) && !p.equals(dataDir) && !binaries.startsWith(p)) {
                    Files.delete(p);
                }
            }
        }
    }

    private static ConfigSources demoSources(ConfigSources user, FakeTelegramServer telegram, Path dataDir,
            String ingestToken) {
        Map<String, String> env = new LinkedHashMap<>(user.environment());
        env.remove("DB_URL");
        env.put("DATA_DIR", dataDir.toString());
        env.put("TELEGRAM_BOT_TOKEN", telegram.token());
        env.put("TELEGRAM_API_URL", telegram.url());
        env.put("ADMIN_IDS", Long.toString(DemoCrowd.ADMIN_ID));
        env.put("HTTP_PORT", "0");
        env.put("INGEST_TOKEN", ingestToken);
        env.put("TELEGRAM_GLOBAL_RATE", Integer.toString(30 * RATE_SCALE));
        env.put("TELEGRAM_CHAT_RATE", Integer.toString(RATE_SCALE));
        env.put("TELEGRAM_POLL_TIMEOUT", "1s");
        env.put("QUESTIONNAIRE_DELAY", "1s");
        env.put("QUESTIONNAIRE_CHECK_INTERVAL", "1s");
        // the demo's own settings win over the user's file: keep only the file's keys it does not set
        Map<String, String> file = new LinkedHashMap<>(user.file());
        file.keySet().removeAll(env.keySet());
        file.remove("DB_URL");
        return new ConfigSources(file, user.fileName(), env);
    }
}
