package com.arbalert.bot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.arbalert.bot.testing.CoreMigrationFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.arbalert.bot.sandbox.FakeTelegramServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./bot run} as a real process (the launcher's java line on the test class path): with a
 * token and no DB_URL it starts the embedded database under DATA_DIR, migrates, serves /healthz,
 * and on SIGTERM stops within 10 s with exit code 0; without a token it exits 2 with one line.
 */
class BotProcessTest {
    private static final String TOKEN = "4242424242:AAF-process-test-secret-token-value";
    private static final Pattern PORT = Pattern.compile("HTTP server listening on port (\\d+)");

    private static ProcessBuilder bot(Path dataDir, Map<String, String> config) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                BotMain.class.getName(), "run");
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("TELEGRAM_") || k.startsWith("DB_") || k.startsWith("HTTP_")
                || List.of("BOT_CONFIG", "NODE_ID", "DATA_DIR", "INGEST_TOKEN", "CALLBACK_SECRET", "ADMIN_IDS").contains(k));
        env.put("DATA_DIR", dataDir.toString());
        env.putAll(config);
        return pb;
    }

    @Test
    void runsOnTheEmbeddedDatabaseAndStopsOnSigtermWithExitCode0(@TempDir Path dataDir) throws Exception {
        Path log = dataDir.resolve("bot.log");
        try (FakeTelegramServer telegram = FakeTelegramServer.start(TOKEN, 30, 1)) {
            runAndStop(dataDir, log, telegram);
        }
    }

    private static void runAndStop(Path dataDir, Path log, FakeTelegramServer telegram) throws Exception {
        Process process = bot(dataDir, Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "HTTP_PORT", "0", "TELEGRAM_API_URL", telegram.url()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            int httpPort = awaitPort(process, log);
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"", "\"database\"", "\"telegram\"");
            assertThat(telegram.getUpdatesCalls()).as("long polling").isPositive();
            assertThat(Files.isDirectory(dataDir.resolve("mariadb").resolve("data").resolve("arbalert"))).isTrue();

            long t0 = System.nanoTime();
            process.destroy(); // SIGTERM
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
            List<String> output = Files.readAllLines(log);
            assertThat(process.exitValue()).as(String.join("\n", output)).isZero();
            assertThat(output).anyMatch(l -> l.contains("Schema " + CoreMigrationFiles.firstRun()))
                    .anyMatch(l -> l.contains("Stopped database"))
                    .noneMatch(l -> l.contains("process-test-secret"));
        } finally {
            process.destroyForcibly();
        }
    }

    private static int awaitPort(Process process, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            Matcher m = PORT.matcher(text);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            if (!process.isAlive()) {
                throw new AssertionError("the bot ended with " + process.exitValue() + " before listening:\n" + text);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the bot did not listen within 120 s:\n" + Files.readString(log));
    }

    @Test
    void withoutATokenItExits2WithOneLineOnStderr(@TempDir Path dataDir) throws Exception {
        Path stderr = dataDir.resolve("stderr.txt");
        Process process = bot(dataDir, Map.of()).redirectError(stderr.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(Files.readAllLines(stderr)).containsExactly(
                "TELEGRAM_BOT_TOKEN is not set: the bot cannot run without its token (see README.md#configuration)");
    }
}
