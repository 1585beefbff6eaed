package com.arbalert.bot.config;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where configuration comes from, later wins: the fields' defaults, an optional properties file,
 * the environment. The file is ours, so an unknown key in it is a mistake; the environment holds
 * everything else on the machine, so only known keys are taken from it.
 */
public record ConfigSources(Map<String, String> file, String fileName, Map<String, String> environment) {

    public ConfigSources {
        file = Map.copyOf(requireNonNull(file, "file"));
        environment = Map.copyOf(requireNonNull(environment, "environment"));
    }

    public static ConfigSources environmentOnly(Map<String, String> environment) {
        return new ConfigSources(Map.of(), null, environment);
    }

    /** Reads a properties file (UTF-8); keys are written as in the environment. */
    public static Map<String, String> readFile(Path path) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("configuration file " + path + " cannot be read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("configuration file " + path + " is not a properties file: " + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            values.put(name.strip(), properties.getProperty(name));
        }
        return values;
    }

    /** @throws ConfigException naming every key of the file that no config class declares */
    public Map<String, String> merge(Set<String> knownKeys) {
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(file.keySet())) {
            if (!knownKeys.contains(key)) {
                problems.add(key + ": unknown configuration key in " + (fileName == null ? "the configuration file" : fileName)
                        + " (./bot --help lists the known keys)");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        Map<String, String> merged = new LinkedHashMap<>(file);
        environment.forEach((key, value) -> {
            if (knownKeys.contains(key) && value != null && !value.isBlank()) {
                merged.put(key, value);
            }
        });
        merged.values().removeIf(v -> v == null || v.isBlank());
        return merged;
    }
}
