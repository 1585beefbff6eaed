package com.arbalert.bot.spi;

/**
 * Something with a lifetime: started in ascending {@link #phase()} (binding order within a
 * phase) and stopped in reverse. Work starts here, never in a Guice module.
 */
public interface Service {

    /** Database pool and embedded server. */
    int PHASE_DATABASE = 0;
    /** Schema migrations and anything that needs the schema but no traffic (id generator). */
    int PHASE_SCHEMA = 10;
    /** Core services: outbound Telegram sender, schedulers. */
    int PHASE_CORE = 20;
    /** Plugins' services (the call logger): ready before any traffic arrives. */
    int PHASE_PLUGIN = 50;
    /** Things that let traffic in: the HTTP server, Telegram long polling. Started last, stopped first. */
    int PHASE_INGRESS = 80;

    default int phase() {
        return PHASE_PLUGIN;
    }

    default String name() {
        return getClass().getSimpleName();
    }

    void start() throws Exception;

    void stop() throws Exception;
}
