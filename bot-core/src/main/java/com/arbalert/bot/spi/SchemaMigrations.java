package com.arbalert.bot.spi;

import static java.util.Objects.requireNonNull;

/**
 * A module's Flyway migrations, contributed with Multibinder: its own classpath location and
 * its own history table, so a plugin's schema evolves on its own.
 */
public record SchemaMigrations(String module, String location, String historyTable) {
    public SchemaMigrations {
        requireNonNull(module, "module");
        requireNonNull(location, "location");
        requireNonNull(historyTable, "historyTable");
    }
}
