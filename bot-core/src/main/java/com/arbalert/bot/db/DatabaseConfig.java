package com.arbalert.bot.db;

import com.arbalert.bot.config.Config;
import com.arbalert.bot.config.ConfigDescription;
import com.arbalert.bot.config.ConfigSecret;
import java.time.Duration;
import java.util.Optional;

/** The MariaDB the bot uses; unset DB_URL means an embedded server under DATA_DIR. */
public class DatabaseConfig {
    private String url;
    private String user = "root";
    private String password = "";
    private Duration connectTimeout = Duration.ofSeconds(30);
    private int poolSize = 10;

    public Optional<String> getUrl() {
        return Optional.ofNullable(url);
    }

    @Config("DB_URL")
    @ConfigDescription("JDBC URL, e.g. jdbc:mariadb://db:3306/arbalert; unset: embedded MariaDB in DATA_DIR/mariadb")
    public DatabaseConfig setUrl(String url) {
        if (!url.startsWith("jdbc:mariadb://") && !url.startsWith("jdbc:mysql://")) {
            throw new IllegalArgumentException("must start with jdbc:mariadb:// (or jdbc:mysql://)");
        }
        this.url = url;
        return this;
    }

    public String getUser() {
        return user;
    }

    @Config("DB_USER")
    @ConfigDescription("database user")
    public DatabaseConfig setUser(String user) {
        this.user = user;
        return this;
    }

    public String getPassword() {
        return password;
    }

    @Config("DB_PASSWORD")
    @ConfigSecret
    @ConfigDescription("database password")
    public DatabaseConfig setPassword(String password) {
        this.password = password;
        return this;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    @Config("DB_CONNECT_TIMEOUT")
    @ConfigDescription("how long start waits for the database before giving up")
    public DatabaseConfig setConnectTimeout(Duration connectTimeout) {
        if (connectTimeout.toMillis() < 250 || connectTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("must be 250ms..10m");
        }
        this.connectTimeout = connectTimeout;
        return this;
    }

    public int getPoolSize() {
        return poolSize;
    }

    @Config("DB_POOL_SIZE")
    @ConfigDescription("largest number of pooled connections")
    public DatabaseConfig setPoolSize(int poolSize) {
        if (poolSize < 2 || poolSize > 100) {
            throw new IllegalArgumentException("must be 2..100");
        }
        this.poolSize = poolSize;
        return this;
    }
}
