package com.arbalert.bot.db;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.spi.Health;
import com.arbalert.bot.spi.HealthContributor;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;

/** UP when a pooled connection answers within two seconds. */
@Singleton
public final class DatabaseHealth implements HealthContributor {
    private final BotDataSource dataSource;

    @Inject
    public DatabaseHealth(BotDataSource dataSource) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public Health check() {
        Map<String, Object> details = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            boolean valid = c.isValid(2);
            details.put("latencyMs", (System.nanoTime() - t0) / 1_000_000);
            HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
            if (pool != null) {
                details.put("active", pool.getActiveConnections());
                details.put("idle", pool.getIdleConnections());
            }
            if (!valid) {
                details.put("error", "the connection did not answer within 2s");
            }
            return new Health(valid, details);
        } catch (Exception e) {
            details.put("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return Health.down(details);
        }
    }
}
