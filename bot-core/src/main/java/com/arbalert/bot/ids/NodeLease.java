package com.arbalert.bot.ids;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Duration;
import java.util.BitSet;
import java.util.OptionalInt;
import javax.sql.DataSource;

/**
 * Leases an id-generator node in {@code node_lease}: a node is free when it has no row or its
 * heartbeat is older than the TTL. Times are the database's, so the hosts' clocks do not matter;
 * the primary key makes two instances racing for one node harmless.
 */
public final class NodeLease {
    private final DataSource dataSource;
    private final String holder;
    private final Duration ttl;
    private final int maxNode;

    public NodeLease(DataSource dataSource, String holder, Duration ttl, int maxNode) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
        this.holder = requireNonNull(holder, "holder");
        this.ttl = requireNonNull(ttl, "ttl");
        this.maxNode = maxNode;
    }

    public String holder() {
        return holder;
    }

    /** @return the leased node, or empty when all are held by live instances */
    public OptionalInt acquire() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            BitSet live = new BitSet(maxNode + 1);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT node_id FROM node_lease WHERE heartbeat_at >= NOW(3) - INTERVAL ? MICROSECOND")) {
                ps.setLong(1, ttl.toNanos() / 1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        live.set(rs.getInt(1));
                    }
                }
            }
            for (int node = live.nextClearBit(0); node <= maxNode; node = live.nextClearBit(node + 1)) {
                if (takeExpired(c, node) || insert(c, node)) {
                    return OptionalInt.of(node);
                }
            }
            return OptionalInt.empty();
        }
    }

    /** @return false when the node was taken over by another instance (we were silent too long) */
    public boolean renew(int node) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE node_lease SET heartbeat_at = NOW(3) WHERE node_id = ? AND holder = ?")) {
            ps.setInt(1, node);
            ps.setString(2, holder);
            return ps.executeUpdate() == 1;
        }
    }

    public void release(int node) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM node_lease WHERE node_id = ? AND holder = ?")) {
            ps.setInt(1, node);
            ps.setString(2, holder);
            ps.executeUpdate();
        }
    }

    private boolean takeExpired(Connection c, int node) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE node_lease SET holder = ?, acquired_at = NOW(3), heartbeat_at = NOW(3)"
                        + " WHERE node_id = ? AND heartbeat_at < NOW(3) - INTERVAL ? MICROSECOND")) {
            ps.setString(1, holder);
            ps.setInt(2, node);
            ps.setLong(3, ttl.toNanos() / 1000);
            return ps.executeUpdate() == 1;
        }
    }

    private boolean insert(Connection c, int node) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO node_lease (node_id, holder) VALUES (?, ?)")) {
            ps.setInt(1, node);
            ps.setString(2, holder);
            ps.executeUpdate();
            return true;
        } catch (SQLIntegrityConstraintViolationException e) {
            return false; // another instance took it a moment ago
        }
    }
}
