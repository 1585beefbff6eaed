package com.arbalert.bot.http;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.spi.Health;
import com.arbalert.bot.spi.HealthContributor;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks every contributor; one that is DOWN or throws makes the whole report DOWN. */
@Singleton
public final class HealthCheck {
    private static final Logger log = LoggerFactory.getLogger(HealthCheck.class);

    private final Set<HealthContributor> contributors;

    @Inject
    public HealthCheck(Set<HealthContributor> contributors) {
        this.contributors = requireNonNull(contributors, "contributors");
    }

    public record Report(boolean up, Map<String, Object> body) {
    }

    public Report check() {
        boolean up = true;
        Map<String, Object> checks = new LinkedHashMap<>();
        for (HealthContributor contributor : contributors) {
            Health health;
            try {
                health = contributor.check();
            } catch (RuntimeException e) {
                log.warn("Health check {} failed", contributor.name(), e);
                health = Health.down(Map.of("error", String.valueOf(e.getMessage())));
            }
            up &= health.up();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("status", health.up() ? "UP" : "DOWN");
            entry.putAll(health.details());
            checks.put(contributor.name(), entry);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("checks", checks);
        return new Report(up, body);
    }
}
