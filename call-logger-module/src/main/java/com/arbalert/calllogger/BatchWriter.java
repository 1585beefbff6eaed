package com.arbalert.calllogger;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.spi.CallRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Writes one batch of events in one transaction. Calls and clicks are INSERT IGNORE batches (bulk
 * commands); answers, deliveries and closing odds, where the last one counts, are multi-row upserts
 * (Connector/J sends an INSERT ... ON DUPLICATE KEY UPDATE batch as a bulk command only to servers
 * with bulk unit results, 11.5+; before that it would be a round trip per row).
 * Every statement is an idempotent upsert, and the derived columns of the calls the batch
 * touches are recomputed from the fact tables by set-based UPDATEs, so writing a batch twice
 * leaves the same rows. Statements run by kind (calls, deliveries, clicks, results, closing
 * odds); within a kind they keep acceptance order, which is all a call's final state depends on.
 */
final class BatchWriter {
    // Calls and clicks never change once written (a repeat keeps the first), so they are plain
    // INSERT IGNORE batches, which Connector/J sends as one bulk command.
    static final String INSERT_CALL = "INSERT IGNORE INTO arbitrage_calls (call_id, call_type, sport, team_a, team_b,"
            + " match_date, book_a, book_b, market, odds_format, odds_a, odds_b, roi_percent, stake_a, stake_b,"
            + " profit_expected, sent_at, users_notified) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    static final String INSERT_CLICK = "INSERT IGNORE INTO call_clicks (call_id, user_id, clicked_at) VALUES (?, ?, ?)";
    static final MultiRowInsert DELIVERIES = new MultiRowInsert("call_deliveries", "call_id, delivered", 2,
            "delivered = VALUES(delivered)");
    // reported_at is assigned last: the conditions before it compare against the stored value
    static final MultiRowInsert RESULTS = new MultiRowInsert("call_results",
            "call_id, user_id, outcome, profit, reported_at", 5,
            "outcome = IF(VALUES(reported_at) >= reported_at, VALUES(outcome), outcome),"
            + " profit = IF(VALUES(reported_at) >= reported_at, VALUES(profit), profit),"
            + " reported_at = GREATEST(reported_at, VALUES(reported_at))");
    static final MultiRowInsert CLOSINGS = new MultiRowInsert("call_closing_odds", "call_id, closing_a, closing_b", 3,
            "closing_a = VALUES(closing_a), closing_b = VALUES(closing_b)");
    private static final String STAKES = "SELECT stake_a + COALESCE(stake_b, 0) FROM arbitrage_calls WHERE call_id = ?";

    private final DataSource dataSource;

    BatchWriter(DataSource dataSource) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
    }

    /** What a committed batch left out: answers whose profit broke the bound of the stored stakes. */
    record Outcome(List<String> refused) {
    }

    Outcome write(List<CallEvent> batch) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Outcome outcome = writeIn(c, batch);
                c.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private Outcome writeIn(Connection c, List<CallEvent> batch) throws SQLException {
        List<CallEvent.Logged> calls = new ArrayList<>();
        List<CallEvent.Delivered> deliveries = new ArrayList<>();
        List<CallEvent.Clicked> clicks = new ArrayList<>();
        List<CallEvent.Reported> results = new ArrayList<>();
        List<CallEvent.ClosingOdds> closings = new ArrayList<>();
        // a call's derived columns are recomputed when the batch wrote its row or one of its facts
        Set<Long> logged = new LinkedHashSet<>();
        Set<Long> clicked = new LinkedHashSet<>();
        Set<Long> reported = new LinkedHashSet<>();
        Set<Long> delivered = new LinkedHashSet<>();
        Set<Long> closed = new LinkedHashSet<>();
        for (CallEvent e : batch) {
            if (e instanceof CallEvent.Logged l) {
                calls.add(l);
                logged.add(l.callId());
            } else if (e instanceof CallEvent.Delivered d) {
                deliveries.add(d);
                delivered.add(d.callId());
            } else if (e instanceof CallEvent.Clicked k) {
                clicks.add(k);
                clicked.add(k.callId());
            } else if (e instanceof CallEvent.Reported r) {
                results.add(r);
                reported.add(r.callId());
            } else if (e instanceof CallEvent.ClosingOdds o) {
                closings.add(o);
                closed.add(o.callId());
            }
        }
        if (!calls.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(INSERT_CALL)) {
                for (CallEvent.Logged l : calls) {
                    bindCall(ps, 1, l.callId(), l.call());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        DELIVERIES.execute(c, deliveries, (ps, at, d) -> {
            ps.setLong(at, d.callId());
            ps.setInt(at + 1, d.delivered());
        });
        if (!clicks.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(INSERT_CLICK)) {
                for (CallEvent.Clicked k : clicks) {
                    ps.setLong(1, k.callId());
                    ps.setLong(2, k.userId());
                    ps.setObject(3, utc(k.at()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        List<String> refused = new ArrayList<>();
        if (!results.isEmpty()) {
            List<CallEvent.Reported> accepted = checkUnchecked(c, results, refused);
            RESULTS.execute(c, accepted, (ps, at, r) -> {
                ps.setLong(at, r.callId());
                ps.setLong(at + 1, r.userId());
                ps.setString(at + 2, r.outcome().code());
                ps.setBigDecimal(at + 3, r.profit());
                ps.setObject(at + 4, utc(r.at()));
            });
        }
        CLOSINGS.execute(c, closings, (ps, at, o) -> {
            ps.setLong(at, o.callId());
            ps.setBigDecimal(at + 1, o.closingA());
            setNullableDecimal(ps, at + 2, o.closingB());
        });
        clicked.addAll(reported);
        recompute(c, DerivedColumns::clicksAndResultsSql, clicked, logged);
        recompute(c, DerivedColumns::deliveriesSql, delivered, logged);
        recompute(c, DerivedColumns::closingSql, closed, logged);
        return new Outcome(refused);
    }

    /** Answers for calls that were not in memory at the call are checked here against the stored stakes. */
    private static List<CallEvent.Reported> checkUnchecked(Connection c, List<CallEvent.Reported> results,
            List<String> refused) throws SQLException {
        List<CallEvent.Reported> accepted = new ArrayList<>(results.size());
        PreparedStatement ps = null;
        try {
            for (CallEvent.Reported r : results) {
                if (!r.checked()) {
                    if (ps == null) {
                        ps = c.prepareStatement(STAKES);
                    }
                    ps.setLong(1, r.callId());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            BigDecimal bound = rs.getBigDecimal(1).multiply(CallRecord.PROFIT_STAKE_FACTOR);
                            if (r.profit().abs().compareTo(bound) > 0) {
                                refused.add("profit of user " + r.userId() + " for call " + r.callId()
                                        + " must be within ±" + bound.toPlainString() + " (10 times the stakes), got "
                                        + r.profit().toPlainString());
                                continue;
                            }
                        }
                    }
                }
                accepted.add(r);
            }
        } finally {
            if (ps != null) {
                ps.close();
            }
        }
        return accepted;
    }

    private static void recompute(Connection c, DerivedColumns.Sql sql, Set<Long> facts, Set<Long> logged)
            throws SQLException {
        if (facts.isEmpty() && logged.isEmpty()) {
            return;
        }
        Set<Long> ids = new LinkedHashSet<>(facts);
        ids.addAll(logged);
        DerivedColumns.run(c, sql, new ArrayList<>(ids));
    }

    static void bindCall(PreparedStatement ps, int at, long callId, CallRecord call) throws SQLException {
        ps.setLong(at, callId);
        ps.setString(at + 1, call.callType().code());
        ps.setString(at + 2, call.sport());
        ps.setString(at + 3, call.teamA());
        ps.setString(at + 4, call.teamB());
        ps.setObject(at + 5, utc(call.matchDate()));
        ps.setString(at + 6, call.bookA());
        setNullableString(ps, at + 7, call.bookB());
        ps.setString(at + 8, call.market());
        ps.setString(at + 9, call.oddsFormat().name().toLowerCase(java.util.Locale.ROOT));
        ps.setBigDecimal(at + 10, call.oddsA());
        setNullableDecimal(ps, at + 11, call.oddsB());
        ps.setBigDecimal(at + 12, call.roiPercent().setScale(4, RoundingMode.HALF_EVEN));
        ps.setBigDecimal(at + 13, call.stakeA());
        setNullableDecimal(ps, at + 14, call.stakeB());
        ps.setBigDecimal(at + 15, call.profitExpected().setScale(2, RoundingMode.HALF_EVEN));
        ps.setObject(at + 16, utc(call.sentAt()));
        ps.setInt(at + 17, call.usersNotified());
    }

    /** Bound as a UTC wall-clock value, so the connection's time zone never shifts a stored time. */
    static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static void setNullableString(PreparedStatement ps, int i, String v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, v);
        }
    }

    private static void setNullableDecimal(PreparedStatement ps, int i, BigDecimal v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DECIMAL);
        } else {
            ps.setBigDecimal(i, v);
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
