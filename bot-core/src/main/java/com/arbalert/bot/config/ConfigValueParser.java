package com.arbalert.bot.config;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a configuration string into a setter's parameter type; refusals say what is wrong, not which key. */
final class ConfigValueParser {

    private ConfigValueParser() {
    }

    static Object parse(String raw, Type type) {
        String v = raw.strip();
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            Type element = p.getActualTypeArguments()[0];
            List<Object> list = new ArrayList<>();
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    list.add(parse(part, element));
                }
            }
            return List.copyOf(list);
        }
        if (!(type instanceof Class<?> c)) {
            throw new IllegalStateException("unsupported config type " + type);
        }
        if (c == String.class) {
            return v;
        }
        if (c == int.class || c == Integer.class) {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + v + "' is not a whole number");
            }
        }
        if (c == long.class || c == Long.class) {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + v + "' is not a whole number");
            }
        }
        if (c == boolean.class || c == Boolean.class) {
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on", "1" -> true;
                case "false", "no", "off", "0" -> false;
                default -> throw new IllegalArgumentException("is not true or false");
            };
        }
        if (c == double.class || c == Double.class) {
            try {
                double d = Double.parseDouble(v);
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("is not a number");
            }
        }
        if (c == BigDecimal.class) {
            try {
                return new BigDecimal(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("is not a decimal number");
            }
        }
        if (c == Duration.class) {
            return ConfigDurations.parse(v);
        }
        if (c == DataSize.class) {
            return DataSize.parse(v);
        }
        if (c == Path.class) {
            try {
                return Path.of(v);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("is not a path: " + e.getReason());
            }
        }
        if (c == URI.class) {
            try {
                return new URI(v);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("is not a URL: " + e.getReason());
            }
        }
        if (c.isEnum()) {
            for (Object constant : c.getEnumConstants()) {
                if (((Enum<?>) constant).name().equalsIgnoreCase(v.replace('-', '_'))) {
                    return constant;
                }
            }
            List<String> names = new ArrayList<>();
            for (Object constant : c.getEnumConstants()) {
                names.add(((Enum<?>) constant).name().toLowerCase(Locale.ROOT));
            }
            throw new IllegalArgumentException("must be one of " + String.join(", ", names));
        }
        throw new IllegalStateException("unsupported config type " + c.getName());
    }
}
