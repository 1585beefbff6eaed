package com.arbalert.bot.bet;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.spi.DataDir;
import com.arbalert.bot.spi.Service;
import com.arbalert.bot.telegram.CallbackKey;
import com.google.inject.Inject;
import com.google.inject.name.Named;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Loads the button-signing key when the bot starts, not when its object graph is built: without
 * CALLBACK_SECRET the key is read from (or made in) DATA_DIR, and building the graph must touch
 * no file (a command refused for its configuration leaves DATA_DIR as it was).
 */
final class CallbackKeyLoader implements Service, Supplier<CallbackKey> {
    private final String configuredSecret;
    private final Path dataDir;
    private volatile CallbackKey key;

    @Inject
    CallbackKeyLoader(@Named(BetButtonModule.CALLBACK_SECRET) String configuredSecret, @DataDir Path dataDir) {
        this.configuredSecret = requireNonNull(configuredSecret, "configuredSecret");
        this.dataDir = requireNonNull(dataDir, "dataDir");
    }

    @Override
    public int phase() {
        return PHASE_SCHEMA;
    }

    @Override
    public void start() {
        key = CallbackKey.load(configuredSecret, dataDir);
    }

    @Override
    public void stop() {
        // the key stays valid: buttons answered while the bot stops still verify
    }

    @Override
    public CallbackKey get() {
        CallbackKey k = key;
        if (k == null) {
            throw new IllegalStateException("the callback key is loaded when the bot starts");
        }
        return k;
    }
}
