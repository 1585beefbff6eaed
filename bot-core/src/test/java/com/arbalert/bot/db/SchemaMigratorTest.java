package com.arbalert.bot.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.arbalert.bot.spi.SchemaMigrations;
import com.arbalert.bot.testing.CoreMigrationFiles;
import com.arbalert.bot.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaMigratorTest {
    private static final SchemaMigrations PLUGIN =
            new SchemaMigrations("testplugin", "classpath:db/migration/testplugin", "flyway_history_testplugin");

    private static List<String> tables(TestDatabase.Schema schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = schema.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY 1")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    @Test
    void migratesAnEmptyDatabaseWithOneHistoryTablePerModuleThenFindsNothingToDo() throws Exception {
        TestDatabase.Schema schema = TestDatabase.newSchema("migrate");
        try (HikariDataSource ds = schema.dataSource()) {
            SchemaMigrator migrator = new SchemaMigrator(new LinkedHashSet<>(List.of(DatabaseModule.CORE_MIGRATIONS, PLUGIN)), ds);
            assertThat(migrator.migrate()).containsExactly(
                    CoreMigrationFiles.firstRun(),
                    "testplugin: 2 migration(s) applied, now at version 2");
            assertThat(tables(schema)).contains("flyway_history_core", "flyway_history_testplugin", "node_lease", "test_widget");

            try (Connection c = schema.connect(); Statement st = c.createStatement()) {
                st.execute("INSERT INTO test_widget (id, name, colour) VALUES (1, 'kept', 'red')");
            }
            assertThat(migrator.migrate()).containsExactly(
                    CoreMigrationFiles.upToDate(),
                    "testplugin: 0 migration(s) applied, now at version 2");
            try (Connection c = schema.connect(); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT name FROM test_widget")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("kept");
            }
        }
    }

    @Test
    void aPluginAddedLaterMigratesBesideAnExistingCoreSchema() throws Exception {
        TestDatabase.Schema schema = TestDatabase.newSchema("migrate_later");
        try (HikariDataSource ds = schema.dataSource()) {
            new SchemaMigrator(new LinkedHashSet<>(List.of(DatabaseModule.CORE_MIGRATIONS)), ds).migrate();
            assertThat(new SchemaMigrator(new LinkedHashSet<>(List.of(DatabaseModule.CORE_MIGRATIONS, PLUGIN)), ds).migrate())
                    .containsExactly(CoreMigrationFiles.upToDate(),
                            "testplugin: 2 migration(s) applied, now at version 2");
        }
    }

    @Test
    void aBrokenMigrationNamesTheModule() throws Exception {
        TestDatabase.Schema schema = TestDatabase.newSchema("migrate_broken");
        try (HikariDataSource ds = schema.dataSource()) {
            SchemaMigrations broken = new SchemaMigrations("broken", "classpath:db/migration/testplugin", "flyway_history_broken");
            try (Connection c = schema.connect(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE test_widget (id INT)"); // V1 of the plugin will collide with it
            }
            assertThatThrownBy(() -> new SchemaMigrator(new LinkedHashSet<>(List.of(broken)), ds).migrate())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("migrating the broken schema (classpath:db/migration/testplugin) failed");
        }
    }
}
