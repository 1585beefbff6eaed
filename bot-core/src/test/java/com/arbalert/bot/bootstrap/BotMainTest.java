package com.arbalert.bot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.arbalert.bot.testing.CoreMigrationFiles;
import com.arbalert.bot.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's commands as an operator meets them: exit codes and the one line on stderr. */
class BotMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return new BotMain(env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(args);
    }

    private List<String> errLines() {
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void runWithoutATokenExits2WithOneLineNamingTheKey(@TempDir Path dataDir) {
        assertThat(run(Map.of("DATA_DIR", dataDir.toString(), "PATH", "/usr/bin"), "run")).isEqualTo(2);
        assertThat(errLines()).containsExactly(
                "TELEGRAM_BOT_TOKEN is not set: the bot cannot run without its token (see README.md#configuration)");
        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void aBadValueExits2WithOneLine() {
        assertThat(run(Map.of("TELEGRAM_BOT_TOKEN", "1:x", "ADMIN_IDS", "12,abc"), "run")).isEqualTo(2);
        assertThat(errLines()).containsExactly(
                "configuration error: ADMIN_IDS: 'abc' is not a whole number (value '12,abc') (see README.md#configuration)");
    }

    @Test
    void anUnknownKeyInTheConfigFileExits2(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bot.properties");
        Files.writeString(file, "HTTP_PORT=8081\nTELEGRAM_TOKEN=abc\n");
        assertThat(run(Map.of(), "--config", file.toString(), "run")).isEqualTo(2);
        assertThat(errLines()).hasSize(1);
        assertThat(errLines().get(0)).startsWith("configuration error: TELEGRAM_TOKEN: unknown configuration key in " + file);
    }

    @Test
    void aModuleWithAMissingBindingIsOneLineNotAStackTrace() {
        com.google.inject.Module broken = binder -> binder.bind(NeedsAnExecutor.class);
        BotCommand wiring = new BotCommand() {
            @Override
            public String name() {
                return "wiring";
            }

            @Override
            public String summary() {
                return "builds an injector with a broken module";
            }

            @Override
            public int run(Launch launch) {
                launch.injector(broken);
                return 0;
            }
        };
        BotMain main = new BotMain(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(main.run(wiring, null, List.of())).isEqualTo(1);
        assertThat(errLines()).hasSize(1);
        assertThat(errLines().get(0)).startsWith("the modules cannot be wired (1 error(s), see the log): ");
    }

    /** Nobody binds an Executor, and explicit bindings are required. */
    static final class NeedsAnExecutor {
        @com.google.inject.Inject
        NeedsAnExecutor(java.util.concurrent.Executor executor) {
        }
    }

    @Test
    void helpListsCommandsAndKeys() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("usage: ./bot", "  run ", "  migrate ", "TELEGRAM_BOT_TOKEN", "DB_URL", "HTTP_PORT");
        assertThat(run(Map.of(), "frobnicate")).isEqualTo(2);
        assertThat(errLines()).containsExactly("unknown command 'frobnicate'; commands: run, migrate, probe, demo (./bot --help)");
    }

    @Test
    void aCommandListedInMetaInfServicesIsDispatchedWithItsArguments() {
        assertThat(run(Map.of(), "probe", "a", "b")).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("probe a b with 1 plugin(s)");
    }

    @Test
    void migrateAppliesTheSchemaAndExits0ThenFindsNothingToDo() throws Exception {
        TestDatabase.Schema schema = TestDatabase.newSchema("main_migrate");
        Map<String, String> env = new HashMap<>(Map.of("DB_URL", schema.jdbcUrl(), "DB_USER", schema.user()));
        if (!schema.password().isEmpty()) {
            env.put("DB_PASSWORD", schema.password());
        }
        assertThat(run(env, "migrate")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(CoreMigrationFiles.firstRun());
        out.reset();
        assertThat(run(env, "migrate")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(CoreMigrationFiles.upToDate());
        try (Connection c = schema.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM flyway_history_core WHERE success = 1")) {
            rs.next();
            assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void aServiceThatCannotStartStopsTheOthersAndExits1WithOneLine(@TempDir Path dataDir) throws Exception {
        TestDatabase.Schema schema = TestDatabase.newSchema("main_port_taken");
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            Map<String, String> env = new HashMap<>(Map.of("DB_URL", schema.jdbcUrl(), "DB_USER", schema.user(),
                    "TELEGRAM_BOT_TOKEN", "1:x", "HTTP_PORT", String.valueOf(taken.getLocalPort()), "DATA_DIR", dataDir.toString()));
            if (!schema.password().isEmpty()) {
                env.put("DB_PASSWORD", schema.password());
            }
            assertThat(run(env, "run")).isEqualTo(1);
        }
        assertThat(errLines()).hasSize(1);
        assertThat(errLines().get(0)).startsWith("http server failed to start: ");
        try (Connection c = schema.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM node_lease")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the call ids service was stopped and released its node").isZero();
        }
    }

    @Test
    void anUnreachableDatabaseFailsWithinTheConfiguredWaitWithOneLine() {
        long t0 = System.nanoTime();
        int code = run(Map.of("DB_URL", "jdbc:mariadb://127.0.0.1:1/nowhere", "DB_CONNECT_TIMEOUT", "1500ms"), "migrate");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(code).isEqualTo(1);
        assertThat(errLines()).hasSize(1);
        assertThat(errLines().get(0)).startsWith(
                "database failed to start: cannot reach the database at jdbc:mariadb://127.0.0.1:1/nowhere as root within 1500ms");
        assertThat(ms).isLessThan(15_000);
    }
}
