package com.arbalert.bot.config;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;

/** One {@code @Config} setter of a config class and the getter that reads it back for display. */
public record ConfigProperty(String key, Method setter, Method getter, boolean secret, String description) {
    public static final String MASK = "****";
    public static final String UNSET = "<unset>";

    public ConfigProperty {
        requireNonNull(key, "key");
        requireNonNull(setter, "setter");
        requireNonNull(getter, "getter");
        description = description == null ? "" : description;
    }

    public Type valueType() {
        return setter.getGenericParameterTypes()[0];
    }

    /** Converts and sets; a refusal becomes {@code KEY: reason (value 'v')}, the value masked for a secret. */
    public void apply(Object instance, String raw) {
        Object value;
        try {
            value = ConfigValueParser.parse(raw, valueType());
            setter.invoke(instance, value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(problem(e.getMessage(), raw));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw new ConfigException(problem(iae.getMessage(), raw));
            }
            throw new IllegalStateException("setter of " + key + " failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("setter of " + key + " is not public", e);
        }
    }

    private String problem(String reason, String raw) {
        String shown = secret ? MASK : raw;
        return key + ": " + (reason == null ? "is not valid" : reason) + " (value '" + shown + "')";
    }

    /** The current value as shown in logs and --help: secrets masked, empty ones {@link #UNSET}. */
    public String display(Object instance) {
        Object v = unwrap(instance);
        if (v == null || (v instanceof String s && s.isEmpty()) || (v instanceof Collection<?> c && c.isEmpty())) {
            return UNSET;
        }
        if (secret) {
            return MASK;
        }
        if (v instanceof java.time.Duration d) {
            return ConfigDurations.format(d);
        }
        if (v instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return String.valueOf(v);
    }

    /** The raw value of a secret, to mask it in log output; empty when unset or not a secret. */
    public Optional<String> secretValue(Object instance) {
        if (!secret) {
            return Optional.empty();
        }
        Object v = unwrap(instance);
        return v == null || v.toString().isEmpty() ? Optional.empty() : Optional.of(v.toString());
    }

    /** The getter's value with Optional, OptionalInt and OptionalLong opened; null when empty. */
    private Object unwrap(Object instance) {
        Object v;
        try {
            v = getter.invoke(instance);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("getter of " + key + " failed", e);
        }
        if (v instanceof Optional<?> o) {
            return o.orElse(null);
        }
        if (v instanceof java.util.OptionalInt o) {
            return o.isPresent() ? (Object) o.getAsInt() : null;
        }
        if (v instanceof java.util.OptionalLong o) {
            return o.isPresent() ? (Object) o.getAsLong() : null;
        }
        return v;
    }

    static boolean isList(Type type) {
        return type instanceof ParameterizedType p && p.getRawType() == java.util.List.class;
    }
}
