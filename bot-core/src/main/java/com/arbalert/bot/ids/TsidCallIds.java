package com.arbalert.bot.ids;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.core.CoreConfig;
import com.arbalert.bot.spi.CallIds;
import com.arbalert.bot.spi.Service;
import com.github.f4b6a3.tsid.TsidFactory;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Call ids as 64-bit TSIDs (42 bits of milliseconds, 10 bits of node, 12 bits of counter):
 * time-ordered, and unique across instances because each holds its own node, from NODE_ID or
 * leased in {@code node_lease} and renewed while the bot runs.
 */
@Singleton
public final class TsidCallIds implements CallIds, Service {
    private static final Logger log = LoggerFactory.getLogger(TsidCallIds.class);
    static final Duration LEASE_TTL = Duration.ofSeconds(60);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final CoreConfig config;
    private final NodeLease lease;
    private volatile TsidFactory factory;
    private volatile int node = -1;
    private ScheduledExecutorService heartbeat;

    @Inject
    public TsidCallIds(CoreConfig config, DataSource dataSource) {
        this.config = requireNonNull(config, "config");
        this.lease = new NodeLease(dataSource, holderName(), LEASE_TTL, CoreConfig.MAX_NODE_ID);
    }

    @Override
    public int phase() {
        return PHASE_SCHEMA;
    }

    @Override
    public String name() {
        return "call ids";
    }

    @Override
    public synchronized void start() throws Exception {
        OptionalInt configured = config.getNodeId();
        if (configured.isPresent()) {
            useNode(configured.getAsInt());
            log.info("Call ids use node {} (NODE_ID)", node);
            return;
        }
        OptionalInt leased = lease.acquire();
        if (leased.isEmpty()) {
            throw new IllegalStateException("all " + (CoreConfig.MAX_NODE_ID + 1)
                    + " id-generator nodes are held by live instances (table node_lease); set NODE_ID or wait "
                    + LEASE_TTL.toSeconds() + "s");
        }
        useNode(leased.getAsInt());
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "node-lease");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleWithFixedDelay(this::renew, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Call ids use node {} leased as {}", node, lease.holder());
    }

    @Override
    public synchronized void stop() throws Exception {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
            heartbeat.awaitTermination(2, TimeUnit.SECONDS);
            heartbeat = null;
            lease.release(node);
        }
        factory = null;
    }

    @Override
    public long next() {
        TsidFactory f = factory;
        if (f == null) {
            throw new IllegalStateException("call ids are not available before the bot has started");
        }
        return f.create().toLong();
    }

    /** The node in use, -1 before start. */
    public int node() {
        return node;
    }

    private void useNode(int n) {
        node = n;
        // the system clock, never the injectable one: a test's fixed clock must not make ids repeat across runs
        factory = TsidFactory.builder().withNodeBits(10).withNode(n).withClock(Clock.systemUTC()).build();
    }

    private void renew() {
        try {
            if (!lease.renew(node)) {
                // another instance took our node while we were silent: move to a free one
                OptionalInt other = lease.acquire();
                if (other.isPresent()) {
                    log.warn("Node {} was taken over after a missed heartbeat; call ids now use node {}", node, other.getAsInt());
                    useNode(other.getAsInt());
                } else {
                    log.error("Node {} was taken over and no node is free; refusing to make call ids", node);
                    factory = null;
                }
            }
        } catch (Exception e) {
            log.warn("Could not renew the lease of node {}: {}", node, e.getMessage());
        }
    }

    private static String holderName() {
        // "pid@host", known since the JVM started: no lookup here
        String id = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        return id.length() > 128 ? id.substring(id.length() - 128) : id;
    }
}
