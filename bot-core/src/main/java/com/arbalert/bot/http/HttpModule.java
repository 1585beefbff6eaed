package com.arbalert.bot.http;

import static com.arbalert.bot.config.ConfigBinder.bindConfig;

import com.arbalert.bot.spi.Service;
import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;

/** The HTTP server and its health report. */
public final class HttpModule extends AbstractModule {

    @Override
    protected void configure() {
        bindConfig(binder(), HttpConfig.class);
        bind(HealthCheck.class);
        bind(HttpServer.class);
        Multibinder.newSetBinder(binder(), Service.class).addBinding().to(HttpServer.class);
    }
}
