package com.arbalert.bot.db;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.spi.SchemaMigrations;
import com.arbalert.bot.spi.Service;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies each module's Flyway migrations with the module's own history table, core first
 * (binding order), so a plugin's schema evolves independently of the core's.
 */
@Singleton
public final class SchemaMigrator implements Service {
    private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);

    private final Set<SchemaMigrations> migrations;
    private final DataSource dataSource;

    @Inject
    public SchemaMigrator(Set<SchemaMigrations> migrations, DataSource dataSource) {
        this.migrations = requireNonNull(migrations, "migrations");
        this.dataSource = requireNonNull(dataSource, "dataSource");
    }

    @Override
    public int phase() {
        return PHASE_SCHEMA;
    }

    @Override
    public String name() {
        return "schema migrations";
    }

    @Override
    public void start() {
        migrate();
    }

    /** @return one line per module, such as {@code core: 1 migration applied, now at version 1} */
    public List<String> migrate() {
        List<String> report = new ArrayList<>();
        for (SchemaMigrations m : migrations) {
            Flyway flyway = Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations(m.location())
                    .table(m.historyTable())
                    // the schema is shared by all modules: a module's first run finds the others' tables
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .validateMigrationNaming(true)
                    .load();
            try {
                MigrateResult result = flyway.migrate();
                String line = m.module() + ": " + result.migrationsExecuted + " migration(s) applied, now at version "
                        + (result.targetSchemaVersion != null ? result.targetSchemaVersion : flyway.info().current() == null
                                ? "none" : flyway.info().current().getVersion().getVersion());
                log.info("Schema {}", line);
                report.add(line);
            } catch (FlywayException e) {
                throw new IllegalStateException("migrating the " + m.module() + " schema (" + m.location() + ") failed: "
                        + e.getMessage().lines().findFirst().orElse(""), e);
            }
        }
        return report;
    }

    @Override
    public void stop() {
        // nothing to release: Flyway borrows pool connections only while migrating
    }
}
