package com.arbalert.bot.spi;

/** A part of /healthz, contributed with Multibinder. A DOWN contributor makes /healthz answer 503. */
public interface HealthContributor {

    String name();

    Health check();
}
