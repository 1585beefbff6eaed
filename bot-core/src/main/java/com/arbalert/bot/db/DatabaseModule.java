package com.arbalert.bot.db;

import static com.arbalert.bot.config.ConfigBinder.bindConfig;

import com.arbalert.bot.spi.HealthContributor;
import com.arbalert.bot.spi.SchemaMigrations;
import com.arbalert.bot.spi.Service;
import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import javax.sql.DataSource;

/** One pool for all modules, the core's migrations, and the database's part of /healthz. */
public final class DatabaseModule extends AbstractModule {
    public static final SchemaMigrations CORE_MIGRATIONS =
            new SchemaMigrations("core", "classpath:db/migration/core", "flyway_history_core");

    @Override
    protected void configure() {
        bindConfig(binder(), DatabaseConfig.class);
        bind(BotDataSource.class).asEagerSingleton();
        bind(DataSource.class).to(BotDataSource.class);
        bind(DatabaseService.class);
        bind(SchemaMigrator.class);
        bind(DatabaseHealth.class);

        Multibinder<Service> services = Multibinder.newSetBinder(binder(), Service.class);
        services.addBinding().to(DatabaseService.class);
        services.addBinding().to(SchemaMigrator.class);
        Multibinder.newSetBinder(binder(), SchemaMigrations.class).addBinding().toInstance(CORE_MIGRATIONS);
        Multibinder.newSetBinder(binder(), HealthContributor.class).addBinding().to(DatabaseHealth.class);
    }
}
