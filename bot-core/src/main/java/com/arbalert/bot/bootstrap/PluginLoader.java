package com.arbalert.bot.bootstrap;

import com.google.inject.Module;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plugins are Guice modules listed in {@code META-INF/services/com.google.inject.Module} of any
 * jar on the class path, as Druid finds its extensions; each found one is logged with its jar.
 */
public final class PluginLoader {
    private static final Logger log = LoggerFactory.getLogger(PluginLoader.class);

    private PluginLoader() {
    }

    public static List<Module> discover(ClassLoader classLoader) {
        List<Module> plugins = new ArrayList<>();
        ServiceLoader<Module> loader = ServiceLoader.load(Module.class, classLoader);
        try {
            for (Module module : loader) {
                plugins.add(module);
                log.info("Loaded plugin {} from {}", module.getClass().getName(), origin(module.getClass()));
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("a plugin listed in META-INF/services/com.google.inject.Module cannot be loaded: "
                    + e.getMessage(), e);
        }
        if (plugins.isEmpty()) {
            log.info("No plugins found on the class path");
        }
        return plugins;
    }

    private static String origin(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        return location == null ? "an unknown location" : location.getPath();
    }
}
