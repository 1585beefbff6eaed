package com.arbalert.calllogger;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Folds the calls listed in {@code derived_pending} into their rows: recomputes their derived
 * columns from the fact tables with the set-based UPDATEs of {@link DerivedColumns} and deletes
 * the ids in the same transaction. The ids are taken FOR UPDATE, so a writer marking one of them
 * again meanwhile waits and its mark survives for the next fold. A mark whose call has no row yet
 * is left for the fold after the row arrives.
 */
final class DerivationFold {
    // only marks whose call has a row: the others wait for it (see V5), and the join keeps them
    // from being deleted or from filling the rounds
    private static final String TAKE = "SELECT p.call_id FROM derived_pending p JOIN arbitrage_calls c"
            + " ON c.call_id = p.call_id ORDER BY p.call_id LIMIT ? FOR UPDATE";

    private final DataSource dataSource;

    DerivationFold(DataSource dataSource) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
    }

    /** Folds up to {@code limit} pending calls in one transaction; returns how many it took. */
    int foldOnce(int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Long> ids = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(TAKE)) {
                    ps.setInt(1, limit);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                        }
                    }
                }
                if (!ids.isEmpty()) {
                    DerivedColumns.run(c, DerivedColumns::clicksAndResultsSql, ids);
                    DerivedColumns.run(c, DerivedColumns::deliveriesSql, ids);
                    DerivedColumns.run(c, DerivedColumns::closingSql, ids);
                    DerivedColumns.run(c, in -> "DELETE FROM derived_pending WHERE call_id IN (" + in + ")", ids);
                }
                c.commit();
                return ids.size();
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException r) {
                    e.addSuppressed(r);
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** Calls still waiting for their fold (those whose row is written). */
    long backlog() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM derived_pending p"
                        + " JOIN arbitrage_calls c ON c.call_id = p.call_id")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
