package com.arbalert.calllogger;

import static com.arbalert.bot.config.ConfigBinder.bindConfig;

import com.arbalert.bot.spi.AdminNotifier;
import com.arbalert.bot.spi.BetClickHook;
import com.arbalert.bot.spi.CallSentHook;
import com.arbalert.bot.spi.CommandHandler;
import com.arbalert.bot.spi.HealthContributor;
import com.arbalert.bot.spi.HttpRoute;
import com.arbalert.bot.spi.ResultHook;
import com.arbalert.bot.spi.SchemaMigrations;
import com.arbalert.bot.spi.Service;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;

/**
 * The call logger plugin, found by the bot through META-INF/services/com.google.inject.Module:
 * the logger and its config and schema, the hooks that feed it, /stats and GET /v1/stats, its
 * part of /healthz, and the admin alerts. The core provides DataSource, Clock, MeterRegistry
 * (served on /metrics), CallIds, {@code @DataDir Path} and, with its Telegram side, AdminNotifier.
 */
public final class CallLoggerModule extends AbstractModule {
    public static final SchemaMigrations MIGRATIONS =
            new SchemaMigrations("calllogger", "classpath:db/migration/calllogger", "flyway_history_calllogger");

    @Override
    protected void configure() {
        bindConfig(binder(), CallLoggerConfig.class);
        bind(CallLogger.class).in(Singleton.class);
        bind(CallLogHooks.class).in(Singleton.class);
        bind(CallAnalytics.class).in(Singleton.class);
        bind(StatsReporter.class).in(Singleton.class);
        bind(StatsCommand.class).in(Singleton.class);
        bind(StatsRoute.class).in(Singleton.class);
        bind(LoggerHealthAlerts.class).in(Singleton.class);
        // a bot without its Telegram side (./bot migrate) has no notifier: alerts are then logged only
        OptionalBinder.newOptionalBinder(binder(), AdminNotifier.class);

        Multibinder.newSetBinder(binder(), SchemaMigrations.class).addBinding().toInstance(MIGRATIONS);
        Multibinder<Service> services = Multibinder.newSetBinder(binder(), Service.class);
        services.addBinding().to(CallLogger.class);
        services.addBinding().to(LoggerHealthAlerts.class);
        services.addBinding().to(StatsReporter.class);
        Multibinder.newSetBinder(binder(), HealthContributor.class).addBinding().to(CallLogger.class);
        Multibinder.newSetBinder(binder(), CallSentHook.class).addBinding().to(CallLogHooks.class);
        Multibinder.newSetBinder(binder(), BetClickHook.class).addBinding().to(CallLogHooks.class);
        Multibinder.newSetBinder(binder(), ResultHook.class).addBinding().to(CallLogHooks.class);
        MapBinder.newMapBinder(binder(), String.class, CommandHandler.class).addBinding(StatsCommand.NAME)
                .to(StatsCommand.class);
        Multibinder.newSetBinder(binder(), HttpRoute.class).addBinding().to(StatsRoute.class);
    }

    @Provides
    @Singleton
    LoggerHealthSource healthSource(CallLogger logger) {
        return logger::health;
    }
}
