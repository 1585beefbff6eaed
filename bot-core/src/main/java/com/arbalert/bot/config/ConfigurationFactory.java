package com.arbalert.bot.config;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds config objects from the merged key/value pairs: defaults from the fields, then each
 * present key through its setter, then {@code validate()}. Each class is built once.
 */
public final class ConfigurationFactory {
    private final Map<String, String> values;
    private final Map<Class<?>, Object> built = new LinkedHashMap<>();
    private final Map<Class<?>, ConfigClass<?>> classes = new LinkedHashMap<>();

    /** @param values keys in environment form; blank values count as unset */
    public ConfigurationFactory(Map<String, String> values) {
        this.values = Map.copyOf(requireNonNull(values, "values"));
    }

    /** @throws ConfigException listing every bad key of the class */
    public synchronized <T> T build(Class<T> type) {
        Object existing = built.get(type);
        if (existing != null) {
            return type.cast(existing);
        }
        ConfigClass<T> configClass = ConfigClass.of(type);
        T instance = configClass.newDefaults();
        List<String> problems = new ArrayList<>();
        for (ConfigProperty p : configClass.properties()) {
            String raw = values.get(p.key());
            if (raw != null && !raw.isBlank()) {
                try {
                    p.apply(instance, raw);
                } catch (ConfigException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        if (problems.isEmpty()) {
            configClass.validate(instance).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        built.put(type, instance);
        classes.put(type, configClass);
        return instance;
    }

    /** Every config object built so far with its metadata, in build order. */
    public synchronized Map<ConfigClass<?>, Object> builtConfigs() {
        Map<ConfigClass<?>, Object> result = new LinkedHashMap<>();
        classes.forEach((type, cc) -> result.put(cc, built.get(type)));
        return result;
    }
}
