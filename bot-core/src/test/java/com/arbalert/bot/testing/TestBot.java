package com.arbalert.bot.testing;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.bootstrap.Bootstrap;
import com.arbalert.bot.bootstrap.PluginLoader;
import com.arbalert.bot.config.ConfigSources;
import com.arbalert.bot.core.CoreModule;
import com.arbalert.bot.http.HttpServer;
import com.arbalert.bot.lifecycle.Lifecycle;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real bot, booted in the test JVM: the real injector (core module, the plugins found on the
 * class path, and any extra modules) against a fresh {@link TestDatabase} schema, HTTP on a free
 * port, DATA_DIR in a temporary directory. Close it to stop every service.
 *
 * <pre>{@code
 * try (TestBot bot = TestBot.builder().config("ADMIN_IDS", "42").module(new MyTestModule()).start()) {
 *     HttpResponse<String> r = http.send(HttpRequest.newBuilder(bot.uri("/healthz")).build(), ofString());
 *     CallIds ids = bot.get(CallIds.class);
 * }
 * }</pre>
 */
public final class TestBot implements AutoCloseable {
    public static final String BOT_TOKEN = "123456789:TEST_token_for_tests_only_0123";
    public static final String INGEST_TOKEN = "test-ingest-token";
    public static final String CALLBACK_SECRET = "test-callback-secret-0123456789";

    private final Injector injector;
    private final Lifecycle lifecycle;
    private final TestDatabase.Schema schema;
    private final Path dataDir;

    private TestBot(Injector injector, TestDatabase.Schema schema, Path dataDir) {
        this.injector = injector;
        this.lifecycle = injector.getInstance(Lifecycle.class);
        this.schema = schema;
        this.dataDir = dataDir;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Injector injector() {
        return injector;
    }

    public <T> T get(Class<T> type) {
        return injector.getInstance(type);
    }

    public <T> T get(Key<T> key) {
        return injector.getInstance(key);
    }

    public TestDatabase.Schema schema() {
        return schema;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The port the HTTP server listens on. */
    public int httpPort() {
        return injector.getInstance(HttpServer.class).port();
    }

    /** {@code http://127.0.0.1:<port><path>} */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort() + path);
    }

    @Override
    public void close() {
        lifecycle.stop();
    }

    public static final class Builder {
        private final Map<String, String> config = new LinkedHashMap<>();
        private final List<Module> modules = new ArrayList<>();
        private final List<Module> overrides = new ArrayList<>();
        private TestDatabase.Schema schema;
        private boolean plugins = true;

        private Builder() {
            config.put("HTTP_PORT", "0");
            config.put("TELEGRAM_BOT_TOKEN", BOT_TOKEN);
            // nothing listens there: a test that talks to Telegram sets its fake Bot API's URL
            config.put("TELEGRAM_API_URL", "http://127.0.0.1:9");
            config.put("INGEST_TOKEN", INGEST_TOKEN);
            config.put("CALLBACK_SECRET", CALLBACK_SECRET);
            config.put("DB_CONNECT_TIMEOUT", "10s");
            config.put("NODE_ID", "");
        }

        /** Sets a key as the properties file would (unknown keys fail the start); null removes it. */
        public Builder config(String key, String value) {
            if (value == null) {
                config.remove(key);
            } else {
                config.put(key, value);
            }
            return this;
        }

        public Builder module(Module... extra) {
            modules.addAll(List.of(extra));
            return this;
        }

        /**
         * Replaces bindings of the core or of plugins, e.g. a test {@code Clock}:
         * {@code override(b -> b.bind(Clock.class).toInstance(testClock))}.
         */
        public Builder override(Module... replacements) {
            overrides.addAll(List.of(replacements));
            return this;
        }

        /** Use this schema instead of a fresh one (to restart a bot on the same data). */
        public Builder schema(TestDatabase.Schema existing) {
            this.schema = requireNonNull(existing, "existing");
            return this;
        }

        /** Leave out the plugins found in META-INF/services; only the core and {@link #module} modules are installed. */
        public Builder withoutPlugins() {
            this.plugins = false;
            return this;
        }

        /** Builds the injector without starting anything. */
        public Injector injector() {
            return prepare().injector;
        }

        /** Builds and starts every service; on failure what was started is stopped and the failure is thrown. */
        public TestBot start() {
            TestBot bot = prepare();
            bot.lifecycle.start();
            return bot;
        }

        private TestBot prepare() {
            TestDatabase.Schema s = schema != null ? schema : TestDatabase.newSchema("bot");
            Path dataDir;
            try {
                dataDir = Files.createTempDirectory("bot-data");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, String> values = new LinkedHashMap<>();
            values.put("DB_URL", s.jdbcUrl());
            values.put("DB_USER", s.user());
            values.put("DB_PASSWORD", s.password());
            values.put("DATA_DIR", dataDir.toString());
            values.putAll(config);
            List<Module> all = new ArrayList<>();
            all.add(new CoreModule());
            if (plugins) {
                all.addAll(PluginLoader.discover(TestBot.class.getClassLoader()));
            }
            all.addAll(modules);
            if (!overrides.isEmpty()) {
                all = List.of(Modules.override(all).with(overrides));
            }
            Injector injector = new Bootstrap(all).initialize(new ConfigSources(values, "the test configuration", Map.of()));
            return new TestBot(injector, s, dataDir);
        }
    }
}
