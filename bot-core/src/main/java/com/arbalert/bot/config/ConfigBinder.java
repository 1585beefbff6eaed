package com.arbalert.bot.config;

import com.google.inject.Binder;
import com.google.inject.Singleton;

/**
 * Binds a typed config class so the bootstrap fills it from defaults, the properties file and
 * the environment, and injects it as a singleton:
 * {@code ConfigBinder.bindConfig(binder(), CallLoggerConfig.class);}
 */
public final class ConfigBinder {

    private ConfigBinder() {
    }

    public static <T> void bindConfig(Binder binder, Class<T> type) {
        binder.bind(type).toProvider(new ConfigProvider<>(type)).in(Singleton.class);
    }
}
