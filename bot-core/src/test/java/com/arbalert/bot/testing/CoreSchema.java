package com.arbalert.bot.testing;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
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

    /** Empties the I BET and questionnaire tables, so tests of one class can share a migrated schema. */
    public static void clearFlows(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM questionnaires");
            st.execute("DELETE FROM bet_clicks");
            st.execute("DELETE FROM published_calls");
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the flow tables: " + e.getMessage(), e);
        }
    }
}
