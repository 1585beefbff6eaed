package com.arbalert.bot.core;

import com.arbalert.bot.config.Config;
import com.arbalert.bot.config.ConfigDescription;
import com.arbalert.bot.config.ConfigSecret;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/** Where the bot keeps its files, which id-generator node it is, and the key that signs buttons. */
public class CoreConfig {
    /** Call ids have 10 node bits (tsid-creator's default): nodes 0..1023. */
    public static final int MAX_NODE_ID = 1023;

    private Path dataDir = Path.of("data");
    private Integer nodeId;
    private String callbackSecret;

    public Path getDataDir() {
        return dataDir;
    }

    @Config("DATA_DIR")
    @ConfigDescription("directory for the bot's files (the embedded database lives in DATA_DIR/mariadb)")
    public CoreConfig setDataDir(Path dataDir) {
        this.dataDir = dataDir;
        return this;
    }

    /** Empty: lease a free node id from the database at start. */
    public OptionalInt getNodeId() {
        return nodeId == null ? OptionalInt.empty() : OptionalInt.of(nodeId);
    }

    @Config("NODE_ID")
    @ConfigDescription("id-generator node 0..1023; unset: leased from the database at start")
    public CoreConfig setNodeId(int nodeId) {
        if (nodeId < 0 || nodeId > MAX_NODE_ID) {
            throw new IllegalArgumentException("must be 0.." + MAX_NODE_ID);
        }
        this.nodeId = nodeId;
        return this;
    }

    public Optional<String> getCallbackSecret() {
        return Optional.ofNullable(callbackSecret);
    }

    @Config("CALLBACK_SECRET")
    @ConfigSecret
    @ConfigDescription("HMAC key signing the I BET buttons' callback data")
    public CoreConfig setCallbackSecret(String callbackSecret) {
        if (callbackSecret.length() < 16) {
            throw new IllegalArgumentException("must be at least 16 characters long");
        }
        this.callbackSecret = callbackSecret;
        return this;
    }
}
