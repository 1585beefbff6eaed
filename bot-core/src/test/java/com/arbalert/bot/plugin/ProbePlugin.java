package com.arbalert.bot.plugin;

import com.arbalert.bot.spi.Health;
import com.arbalert.bot.spi.HealthContributor;
import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import java.util.Map;

/** A plugin found only through this test tree's META-INF/services, to prove discovery works. */
public final class ProbePlugin extends AbstractModule {

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), HealthContributor.class).addBinding().toInstance(new HealthContributor() {
            @Override
            public String name() {
                return "probe-plugin";
            }

            @Override
            public Health check() {
                return Health.up(Map.of("loadedBy", "META-INF/services"));
            }
        });
    }
}
