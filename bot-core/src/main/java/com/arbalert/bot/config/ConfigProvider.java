package com.arbalert.bot.config;

import static java.util.Objects.requireNonNull;

import com.google.inject.Provider;

/**
 * The binding behind {@link ConfigBinder#bindConfig}: the bootstrap finds these among the
 * modules' elements, loads the configuration, and hands each its factory before the injector exists.
 */
public final class ConfigProvider<T> implements Provider<T> {
    private final Class<T> type;
    private volatile ConfigurationFactory factory;

    ConfigProvider(Class<T> type) {
        this.type = requireNonNull(type, "type");
    }

    public Class<T> configClass() {
        return type;
    }

    public void useFactory(ConfigurationFactory factory) {
        this.factory = requireNonNull(factory, "factory");
    }

    @Override
    public T get() {
        ConfigurationFactory f = factory;
        if (f == null) {
            throw new IllegalStateException(type.getName() + " was bound with ConfigBinder but the injector was not built by Bootstrap");
        }
        return f.build(type);
    }

    @Override
    public String toString() {
        return "config " + type.getSimpleName();
    }
}
