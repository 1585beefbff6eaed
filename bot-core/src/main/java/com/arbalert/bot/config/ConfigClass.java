package com.arbalert.bot.config;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What {@link ConfigBinder} learns from a config class: its keys, in declaration-independent key order. */
public final class ConfigClass<T> {
    private final Class<T> type;
    private final List<ConfigProperty> properties;

    private ConfigClass(Class<T> type, List<ConfigProperty> properties) {
        this.type = type;
        this.properties = List.copyOf(properties);
    }

    /** @throws IllegalStateException when the class is not a usable config class (a programming error) */
    public static <T> ConfigClass<T> of(Class<T> type) {
        requireNonNull(type, "type");
        try {
            type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " needs a public no-argument constructor to be a config class");
        }
        List<ConfigProperty> properties = new ArrayList<>();
        for (Method m : type.getMethods()) {
            Config config = m.getAnnotation(Config.class);
            if (config == null) {
                continue;
            }
            if (m.getParameterCount() != 1 || !m.getName().startsWith("set")) {
                throw new IllegalStateException("@Config must be on a one-argument setter: " + m);
            }
            ConfigDescription description = m.getAnnotation(ConfigDescription.class);
            properties.add(new ConfigProperty(config.value(), m, getter(type, m),
                    m.isAnnotationPresent(ConfigSecret.class), description == null ? "" : description.value()));
        }
        if (properties.isEmpty()) {
            throw new IllegalStateException(type.getName() + " has no @Config setter");
        }
        properties.sort(Comparator.comparing(ConfigProperty::key));
        return new ConfigClass<>(type, properties);
    }

    public Class<T> type() {
        return type;
    }

    public List<ConfigProperty> properties() {
        return properties;
    }

    public T newDefaults() {
        try {
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName(), e);
        }
    }

    /** Calls a public no-argument {@code validate()} if the class has one; its refusal is a problem line. */
    public Optional<String> validate(T instance) {
        Method validate;
        try {
            validate = type.getMethod("validate");
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
        if (validate.getParameterCount() != 0 || Modifier.isStatic(validate.getModifiers())) {
            return Optional.empty();
        }
        try {
            validate.invoke(instance);
            return Optional.empty();
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof IllegalStateException) {
                return Optional.of(e.getCause().getMessage());
            }
            throw new IllegalStateException("validate() of " + type.getName() + " failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Method getter(Class<?> type, Method setter) {
        String base = setter.getName().substring(3);
        for (String name : List.of("get" + base, "is" + base)) {
            try {
                Method g = type.getMethod(name);
                if (g.getReturnType() != void.class) {
                    return g;
                }
            } catch (NoSuchMethodException e) {
                // try the next form
            }
        }
        throw new IllegalStateException(setter + " needs a getter get" + base + "() to show the effective value");
    }
}
