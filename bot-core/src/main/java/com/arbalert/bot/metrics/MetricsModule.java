package com.arbalert.bot.metrics;

import com.arbalert.bot.spi.Service;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** One Prometheus registry for every module's meters, served on /metrics. */
public final class MetricsModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(MeterRegistry.class).to(PrometheusMeterRegistry.class);
        bind(JvmMetrics.class);
        Multibinder.newSetBinder(binder(), Service.class).addBinding().to(JvmMetrics.class);
    }

    @Provides
    @Singleton
    PrometheusMeterRegistry prometheusRegistry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }
}
