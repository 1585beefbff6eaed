package com.arbalert.bot.bootstrap;

import com.arbalert.bot.db.SchemaMigrator;
import com.arbalert.bot.lifecycle.Lifecycle;
import com.arbalert.bot.lifecycle.ServiceStartException;
import com.arbalert.bot.spi.Service;
import com.google.inject.Injector;

/** {@code ./bot migrate}: opens the database, applies every module's migrations, and exits. */
public final class MigrateCommand implements BotCommand {

    @Override
    public String name() {
        return "migrate";
    }

    @Override
    public String summary() {
        return "apply the database migrations of the core and every plugin, then exit";
    }

    @Override
    public int run(Launch launch) {
        Injector injector = launch.injector();
        Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
        try {
            lifecycle.startUpTo(Service.PHASE_DATABASE);
            for (String line : injector.getInstance(SchemaMigrator.class).migrate()) {
                launch.out().println(line);
            }
            return Launch.OK;
        } catch (ServiceStartException | IllegalStateException e) {
            launch.err().println(e.getMessage());
            return Launch.FAILED;
        } finally {
            lifecycle.stop();
        }
    }
}
