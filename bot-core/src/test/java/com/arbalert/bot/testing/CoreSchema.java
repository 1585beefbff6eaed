package com.arbalert.bot.testing;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/** A fresh schema with bot-core's migrations applied, as the bot's start would leave it. */
public final class CoreSchema {
    private CoreSchema() {
    }

    public static HikariDataSource migrated(String prefix) {
        TestDatabase.Schema schema = TestDatabase.newSchema(prefix);
        HikariDataSource dataSource = schema.dataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/core").load().migrate();
        return dataSource;
    }
}
