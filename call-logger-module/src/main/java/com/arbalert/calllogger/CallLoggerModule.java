package com.arbalert.calllogger;

import com.google.inject.AbstractModule;

/** The call logger plugin, found by the bot through META-INF/services/com.google.inject.Module. */
public final class CallLoggerModule extends AbstractModule {

    @Override
    protected void configure() {
    }
}
