package com.arbalert.bot.metrics;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.spi.Service;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;

/** Registers the JVM's meters at start; the GC meter listens to notifications, so it is closed at stop. */
@Singleton
public final class JvmMetrics implements Service {
    private final MeterRegistry registry;
    private JvmGcMetrics gc;

    @Inject
    public JvmMetrics(MeterRegistry registry) {
        this.registry = requireNonNull(registry, "registry");
    }

    @Override
    public int phase() {
        return PHASE_DATABASE;
    }

    @Override
    public String name() {
        return "jvm metrics";
    }

    @Override
    public synchronized void start() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
    }

    @Override
    public synchronized void stop() {
        if (gc != null) {
            gc.close();
            gc = null;
        }
    }
}
