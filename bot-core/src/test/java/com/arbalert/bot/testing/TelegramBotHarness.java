package com.arbalert.bot.testing;

import com.arbalert.bot.spi.CallIds;
import com.arbalert.bot.spi.Service;
import com.arbalert.bot.telegram.BetButtonFactory;
import com.arbalert.bot.telegram.BotAccount;
import com.arbalert.bot.telegram.TelegramConfig;
import com.arbalert.bot.telegram.TelegramModule;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's Telegram side booted for a test: {@link TelegramModule} plus the test's own modules,
 * a fresh MariaDB schema migrated with the core's migrations, and a {@link FakeTelegramServer}
 * in place of Telegram. Services start in phase order, as the core bootstrap starts them.
 *
 * <pre>{@code
 * try (TelegramBotHarness bot = TelegramBotHarness.builder().admins(1).start()) {
 *     bot.fake().userSends(42, "/start", "en");
 *     await().until(() -> bot.fake().lastMessageTo(42).isPresent());
 * }
 * }</pre>
 */
public final class TelegramBotHarness implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TelegramBotHarness.class);

    private final FakeTelegramServer fake;
    private final HikariDataSource dataSource;
    private final Injector injector;
    private final List<Service> started = new ArrayList<>();

    private TelegramBotHarness(Builder b) throws Exception {
        this.fake = b.fake != null ? b.fake : FakeTelegramServer.start(FakeTelegramServer.DEFAULT_TOKEN, b.globalLimit,
                b.chatLimit);
        this.dataSource = TestDatabase.newSchema(b.schemaPrefix).dataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/core").load().migrate();
        TelegramConfig config = new TelegramConfig()
                .setPollTimeout(Duration.ofSeconds(1))
                .setRequestTimeout(Duration.ofSeconds(3))
                .setRetryBackoff(Duration.ofMillis(100));
        b.config.accept(config);
        BotAccount account = new TestAccount(fake.token(), URI.create(fake.url()), Set.copyOf(b.admins));
        List<Module> modules = new ArrayList<>();
        modules.add(new TelegramModule());
        modules.add(new AbstractModule() {
            @Override
            protected void configure() {
                binder().requireExplicitBindings();
                bind(DataSource.class).toInstance(dataSource);
                bind(Clock.class).toInstance(b.clock);
                bind(MeterRegistry.class).toInstance(new SimpleMeterRegistry());
                bind(ObjectMapper.class).toInstance(new ObjectMapper().registerModule(new JavaTimeModule()));
                bind(CallIds.class).toInstance(b.callIds);
                bind(BotAccount.class).toInstance(account);
                bind(TelegramConfig.class).toInstance(config);
                if (b.betButtons != null) {
                    bind(BetButtonFactory.class).toInstance(b.betButtons);
                }
            }
        });
        modules.addAll(b.modules);
        this.injector = Guice.createInjector(modules);
        List<Service> services = new ArrayList<>(injector.getInstance(Key.get(new TypeLiteral<Set<Service>>() { })));
        services.sort(Comparator.comparingInt(Service::phase));
        try {
            for (Service s : services) {
                s.start();
                started.add(s);
            }
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public FakeTelegramServer fake() {
        return fake;
    }

    public Injector injector() {
        return injector;
    }

    public <T> T get(Class<T> type) {
        return injector.getInstance(type);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public MeterRegistry meters() {
        return injector.getInstance(MeterRegistry.class);
    }

    /** Stops the services in reverse order (what the core does on shutdown), leaving the fake running. */
    public void stopServices() {
        for (int i = started.size() - 1; i >= 0; i--) {
            Service s = started.remove(i);
            try {
                s.stop();
            } catch (Exception e) {
                log.warn("{} did not stop cleanly", s.name(), e);
            }
        }
    }

    @Override
    public void close() {
        stopServices();
        dataSource.close();
        fake.close();
    }

    /** BotAccount for tests. */
    public record TestAccount(String botToken, URI apiUrl, Set<Long> adminIds) implements BotAccount {
    }

    /** How to boot the bot; every setting has a default suited to a fast test. */
    public static final class Builder {
        private final List<Long> admins = new ArrayList<>();
        private final List<Module> modules = new ArrayList<>();
        private Consumer<TelegramConfig> config = c -> { };
        private Clock clock = Clock.systemUTC();
        private CallIds callIds = new CountingCallIds();
        private BetButtonFactory betButtons = callId -> "b:" + callId;
        private FakeTelegramServer fake;
        private int globalLimit = 30;
        private int chatLimit = 1;
        private String schemaPrefix = "tg";

        private Builder() {
        }

        public Builder admins(long... ids) {
            for (long id : ids) {
                admins.add(id);
            }
            return this;
        }

        /** Adjusts the configuration (tests start with a 1 s poll timeout and 3 s request timeout). */
        public Builder config(Consumer<TelegramConfig> adjust) {
            this.config = adjust;
            return this;
        }

        /** More bindings: a plugin's module, a test command... */
        public Builder module(Module module) {
            modules.add(module);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder callIds(CallIds ids) {
            this.callIds = ids;
            return this;
        }

        /**
         * The I BET button's data; by default an unsigned "b:&lt;id&gt;". Pass null when a module
         * given to {@link #module} binds {@link BetButtonFactory} itself.
         */
        public Builder betButtons(BetButtonFactory factory) {
            this.betButtons = factory;
            return this;
        }

        /** Uses this fake (closed with the harness) instead of a new one. */
        public Builder fake(FakeTelegramServer server) {
            this.fake = server;
            return this;
        }

        /** The limits a new fake enforces (default Telegram's: 30/s overall, 1/s per chat). */
        public Builder fakeLimits(int globalPerSecond, int chatPerSecond) {
            this.globalLimit = globalPerSecond;
            this.chatLimit = chatPerSecond;
            return this;
        }

        public Builder schemaPrefix(String prefix) {
            this.schemaPrefix = prefix;
            return this;
        }

        public TelegramBotHarness start() {
            try {
                return new TelegramBotHarness(this);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("bot did not start: " + e.getMessage(), e);
            }
        }
    }

    /** Unique, increasing ids, as the core's generator gives (without its time component). */
    public static final class CountingCallIds implements CallIds {
        private final AtomicLong next = new AtomicLong(System.currentTimeMillis() << 8);

        @Override
        public long next() {
            return next.incrementAndGet();
        }
    }
}
