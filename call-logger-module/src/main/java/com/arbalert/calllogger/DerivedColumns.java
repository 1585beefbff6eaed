package com.arbalert.calllogger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The set-based statements that derive a call's counters from the fact tables, so they are
 * never incremented and a replay cannot count anything twice. They run when pending calls are
 * folded ({@link DerivationFold}); a call without facts is left as it is.
 */
final class DerivedColumns {
    private static final int CHUNK = 1000;

    private DerivedColumns() {
    }

    /** Decimal odds from odds stored in the call's format (American: +105 is 2.05, -110 is 1 + 100/110). */
    private static String decimal(String odds) {
        return "(CASE WHEN c.odds_format = 'decimal' THEN " + odds + " WHEN " + odds + " > 0 THEN 1 + " + odds
                + " / 100 ELSE 1 - 100 / " + odds + " END)";
    }

    /** The edge of the taken price over the closing price, NULL when absent or absurd. */
    private static String clv(String taken, String closing) {
        String ratio = "ROUND(" + decimal(taken) + " / " + decimal(closing) + " - 1, 6)";
        return "CASE WHEN ABS(" + ratio + ") < 1000 THEN " + ratio + " END";
    }

    /**
     * Clicks and answers in one statement, so each call's row is rewritten once: users_clicked is
     * the number of users who pressed I BET; outcome the most reported one (each user's last
     * answer; a tie goes to the outcome reported first); profit_actual the sum of reported profits.
     * A call without clicks or answers keeps its values (and MariaDB skips the unchanged row).
     */
    static String clicksAndResultsSql(String in) {
        return "UPDATE arbitrage_calls c"
                + " LEFT JOIN (SELECT call_id, COUNT(*) AS n FROM call_clicks WHERE call_id IN (" + in + ")"
                + " GROUP BY call_id) k ON k.call_id = c.call_id"
                + " LEFT JOIN (SELECT call_id, outcome, total FROM (SELECT call_id, outcome,"
                + " SUM(SUM(profit)) OVER (PARTITION BY call_id) AS total, ROW_NUMBER() OVER (PARTITION BY call_id"
                + " ORDER BY COUNT(*) DESC, MIN(reported_at), outcome) AS rn FROM call_results WHERE call_id IN (" + in
                + ") GROUP BY call_id, outcome) ranked WHERE rn = 1) r ON r.call_id = c.call_id"
                + " SET c.users_clicked = COALESCE(k.n, c.users_clicked), c.outcome = COALESCE(r.outcome, c.outcome),"
                + " c.profit_actual = COALESCE(r.total, c.profit_actual)"
                + " WHERE c.call_id IN (" + in + ")";
    }

    static String deliveriesSql(String in) {
        return "UPDATE arbitrage_calls c JOIN call_deliveries d ON d.call_id = c.call_id"
                + " SET c.users_notified = d.delivered WHERE c.call_id IN (" + in + ")";
    }

    static String closingSql(String in) {
        return "UPDATE arbitrage_calls c JOIN call_closing_odds o ON o.call_id = c.call_id SET c.clv_a = "
                + clv("c.odds_a", "o.closing_a") + ", c.clv_b = " + clv("c.odds_b", "o.closing_b")
                + " WHERE c.call_id IN (" + in + ")";
    }

    interface Sql {
        String forList(String in);
    }

    /**
     * Runs {@code sql} for {@code ids} (binding them to each id list it contains), in chunks padded
     * to a few fixed sizes so that few distinct statements reach the server.
     */
    static void run(Connection c, Sql sql, List<Long> ids) throws SQLException {
        for (int from = 0; from < ids.size(); from += CHUNK) {
            try (PreparedStatement ps = prepare(c, sql, ids.subList(from, Math.min(ids.size(), from + CHUNK)))) {
                ps.executeUpdate();
            }
        }
    }

    private static PreparedStatement prepare(Connection c, Sql sql, List<Long> chunk) throws SQLException {
        int size = chunk.size() <= 16 ? 16 : chunk.size() <= 128 ? 128 : chunk.size() <= 512 ? 512 : CHUNK;
        String statement = sql.forList(placeholders(size));
        int lists = (int) statement.chars().filter(ch -> ch == '?').count() / size;
        PreparedStatement ps = c.prepareStatement(statement);
        try {
            for (int list = 0; list < lists; list++) {
                for (int i = 0; i < size; i++) {
                    ps.setLong(list * size + i + 1, chunk.get(Math.min(i, chunk.size() - 1)));
                }
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    private static String placeholders(int n) {
        StringBuilder sb = new StringBuilder(n * 2);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "?" : ",?");
        }
        return sb.toString();
    }
}
