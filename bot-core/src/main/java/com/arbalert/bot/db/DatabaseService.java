package com.arbalert.bot.db;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.config.ConfigDurations;
import com.arbalert.bot.spi.DataDir;
import com.arbalert.bot.spi.Service;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import com.zaxxer.hikari.pool.HikariPool;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the connection pool and, without DB_URL, the embedded MariaDB under DATA_DIR/mariadb.
 * A database that cannot be reached within DB_CONNECT_TIMEOUT fails the start with one clear line.
 */
@Singleton
public final class DatabaseService implements Service {
    private static final Logger log = LoggerFactory.getLogger(DatabaseService.class);
    static final String EMBEDDED_DATABASE = "arbalert";

    private final DatabaseConfig config;
    private final Path dataDir;
    private final BotDataSource dataSource;
    private final MeterRegistry registry;
    private EmbeddedMariaDb embedded;
    private String shownUrl = "";

    @Inject
    public DatabaseService(DatabaseConfig config, @DataDir Path dataDir, BotDataSource dataSource, MeterRegistry registry) {
        this.config = requireNonNull(config, "config");
        this.dataDir = requireNonNull(dataDir, "dataDir");
        this.dataSource = requireNonNull(dataSource, "dataSource");
        this.registry = requireNonNull(registry, "registry");
    }

    @Override
    public int phase() {
        return PHASE_DATABASE;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public synchronized void start() {
        String url;
        String user;
        String password;
        if (config.getUrl().isPresent()) {
            url = config.getUrl().get();
            user = config.getUser();
            password = config.getPassword();
        } else {
            embedded = new EmbeddedMariaDb(dataDir.resolve("mariadb"), EMBEDDED_DATABASE);
            embedded.start();
            url = embedded.jdbcUrl();
            user = "root";
            password = "";
        }
        shownUrl = withoutQuery(url);
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("bot");
        hikari.setJdbcUrl(url);
        hikari.setUsername(user);
        hikari.setPassword(password);
        hikari.setMaximumPoolSize(config.getPoolSize());
        hikari.setMinimumIdle(Math.min(2, config.getPoolSize()));
        // the first connection is retried for this long; then start fails with the cause
        hikari.setInitializationFailTimeout(config.getConnectTimeout().toMillis());
        hikari.setConnectionTimeout(Math.max(250, Math.min(config.getConnectTimeout().toMillis(), 10_000)));
        hikari.setMaxLifetime(30 * 60_000L);
        hikari.setKeepaliveTime(5 * 60_000L);
        hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        hikari.addDataSourceProperty("connectTimeout", String.valueOf(Math.min(config.getConnectTimeout().toMillis(), 10_000)));
        try {
            dataSource.open(new HikariDataSource(hikari));
        } catch (HikariPool.PoolInitializationException e) {
            stopEmbedded();
            throw new IllegalStateException("cannot reach the database at " + shownUrl + " as " + user + " within "
                    + ConfigDurations.format(config.getConnectTimeout()) + " (DB_URL, DB_CONNECT_TIMEOUT): " + rootMessage(e), e);
        }
        log.info("Connected to {} ({} connections at most)", shownUrl, config.getPoolSize());
    }

    @Override
    public synchronized void stop() {
        HikariDataSource pool = dataSource.close();
        if (pool != null) {
            pool.close();
        }
        stopEmbedded();
    }

    /** The URL in use, without its query (which may carry credentials). */
    public synchronized String shownUrl() {
        return shownUrl;
    }

    private void stopEmbedded() {
        if (embedded != null) {
            embedded.stop();
            embedded = null;
        }
    }

    private static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null ? t.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
