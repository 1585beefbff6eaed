package com.arbalert.bot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The core's migrations as the class path holds them, so a test of the migrator does not break
 * each time a part of bot-core adds one.
 */
public final class CoreMigrationFiles {
    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

    private CoreMigrationFiles() {
    }

    public static List<Integer> versions() {
        try {
            Path dir = Path.of(CoreMigrationFiles.class.getClassLoader().getResource("db/migration/core").toURI());
            try (Stream<Path> files = Files.list(dir)) {
                return files.map(f -> VERSION.matcher(f.getFileName().toString())).filter(Matcher::matches)
                        .map(m -> Integer.parseInt(m.group(1))).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The migrator's line for the core after a first migration, e.g. "core: 5 migration(s) applied, now at version 21". */
    public static String firstRun() {
        List<Integer> v = versions();
        return "core: " + v.size() + " migration(s) applied, now at version " + v.get(v.size() - 1);
    }

    /** The line when there is nothing left to do. */
    public static String upToDate() {
        List<Integer> v = versions();
        return "core: 0 migration(s) applied, now at version " + v.get(v.size() - 1);
    }
}
