package com.arbalert.calllogger;

/**
 * The set-based statement that derives a call's counters from the fact tables, so they are
 * never incremented and a replay cannot count anything twice.
 */
final class DerivedColumns {
    private DerivedColumns() {
    }

    /** Decimal odds from odds stored in the call's format (American: +105 is 2.05, -110 is 1.9091). */
    private static String decimal(String odds) {
        return "(CASE WHEN c.odds_format = 'decimal' THEN " + odds + " WHEN " + odds + " > 0 THEN 1 + " + odds
                + " / 100 ELSE 1 - 100 / " + odds + " END)";
    }

    /** The edge of the taken price over the closing price, NULL when absent or absurd. */
    private static String clv(String taken, String closing) {
        String ratio = "ROUND(" + decimal(taken) + " / " + decimal(closing) + " - 1, 6)";
        return "(SELECT CASE WHEN ABS(" + ratio + ") < 1000 THEN " + ratio + " END FROM call_closing_odds o"
                + " WHERE o.call_id = c.call_id)";
    }

    static String recomputeSql(int ids) {
        StringBuilder in = new StringBuilder(ids * 2);
        for (int i = 0; i < ids; i++) {
            in.append(i == 0 ? "?" : ",?");
        }
        return "UPDATE arbitrage_calls c SET"
                + " c.users_notified = COALESCE((SELECT d.delivered FROM call_deliveries d WHERE d.call_id = c.call_id),"
                + " c.users_notified),"
                + " c.users_clicked = (SELECT COUNT(*) FROM call_clicks k WHERE k.call_id = c.call_id),"
                // the most reported outcome; a tie goes to the outcome reported first
                + " c.outcome = (SELECT r.outcome FROM call_results r WHERE r.call_id = c.call_id GROUP BY r.outcome"
                + " ORDER BY COUNT(*) DESC, MIN(r.reported_at), r.outcome LIMIT 1),"
                + " c.profit_actual = (SELECT SUM(r.profit) FROM call_results r WHERE r.call_id = c.call_id),"
                + " c.clv_a = " + clv("c.odds_a", "o.closing_a") + ","
                + " c.clv_b = " + clv("c.odds_b", "o.closing_b")
                + " WHERE c.call_id IN (" + in + ")";
    }
}
