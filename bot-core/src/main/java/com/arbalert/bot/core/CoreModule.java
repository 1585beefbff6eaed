package com.arbalert.bot.core;

import static com.arbalert.bot.config.ConfigBinder.bindConfig;

import com.arbalert.bot.db.DatabaseModule;
import com.arbalert.bot.http.HttpModule;
import com.arbalert.bot.ids.TsidCallIds;
import com.arbalert.bot.lifecycle.Lifecycle;
import com.arbalert.bot.metrics.MetricsModule;
import com.arbalert.bot.spi.BetClickHook;
import com.arbalert.bot.spi.CallIds;
import com.arbalert.bot.spi.CallSentHook;
import com.arbalert.bot.spi.CommandHandler;
import com.arbalert.bot.spi.DataDir;
import com.arbalert.bot.spi.HealthContributor;
import com.arbalert.bot.spi.HttpRoute;
import com.arbalert.bot.spi.ResultHook;
import com.arbalert.bot.spi.SchemaMigrations;
import com.arbalert.bot.spi.Service;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What every bot has, plugin or not: configuration, clock, JSON, metrics, the database, call ids,
 * the HTTP server, and an (empty) set for every extension point so a bot without plugins builds.
 */
public final class CoreModule extends AbstractModule {

    @Override
    protected void configure() {
        bindConfig(binder(), CoreConfig.class);
        bindConfig(binder(), TelegramConnectionConfig.class);
        bind(Clock.class).toInstance(Clock.systemUTC());
        bind(Lifecycle.class);

        Multibinder.newSetBinder(binder(), Service.class);
        Multibinder.newSetBinder(binder(), CallSentHook.class);
        Multibinder.newSetBinder(binder(), BetClickHook.class);
        Multibinder.newSetBinder(binder(), ResultHook.class);
        Multibinder.newSetBinder(binder(), HealthContributor.class);
        Multibinder.newSetBinder(binder(), HttpRoute.class);
        Multibinder.newSetBinder(binder(), SchemaMigrations.class);
        MapBinder.newMapBinder(binder(), String.class, CommandHandler.class);

        install(new MetricsModule());
        install(new DatabaseModule());
        // after the migrator: both are in PHASE_SCHEMA and the lease table must exist first
        bind(TsidCallIds.class);
        bind(CallIds.class).to(TsidCallIds.class);
        Multibinder.newSetBinder(binder(), Service.class).addBinding().to(TsidCallIds.class);
        install(new HttpModule());
        // bot-core's feature modules (Telegram delivery, flows): one install line each, below
    }

    @Provides
    @Singleton
    @DataDir
    Path dataDir(CoreConfig config) {
        return config.getDataDir().toAbsolutePath().normalize();
    }

    @Provides
    @Singleton
    ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
