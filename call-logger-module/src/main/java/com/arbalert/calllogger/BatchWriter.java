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
 * Writes one batch of events in one transaction with JDBC batches (bulk commands on MariaDB).
 * Every statement is an idempotent upsert, and the derived columns of the calls the batch
 * touches are recomputed from the fact tables by one set-based UPDATE, so writing a batch twice
 * leaves the same rows. Statements run by kind (calls, deliveries, clicks, results, closing
 * odds); within a kind they keep acceptance order, which is all a call's final state depends on.
 */
final class BatchWriter {
    static final String INSERT_CALL = "INSERT INTO arbitrage_calls (call_id, call_type, sport, team_a, team_b,"
            + " match_date, book_a, book_b, market, odds_format, odds_a, odds_b, roi_percent, stake_a, stake_b,"
            + " profit_expected, sent_at, users_notified) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
            + " ON DUPLICATE KEY UPDATE call_type = VALUES(call_type), sport = VALUES(sport), team_a = VALUES(team_a),"
            + " team_b = VALUES(team_b), match_date = VALUES(match_date), book_a = VALUES(book_a),"
            + " book_b = VALUES(book_b), market = VALUES(market), odds_format = VALUES(odds_format),"
            + " odds_a = VALUES(odds_a), odds_b = VALUES(odds_b), roi_percent = VALUES(roi_percent),"
            + " stake_a = VALUES(stake_a), stake_b = VALUES(stake_b), profit_expected = VALUES(profit_expected),"
            + " sent_at = VALUES(sent_at)";
    private static final String INSERT_DELIVERY = "INSERT INTO call_deliveries (call_id, delivered) VALUES (?, ?)"
            + " ON DUPLICATE KEY UPDATE delivered = VALUES(delivered)";
    static final String INSERT_CLICK = "INSERT INTO call_clicks (call_id, user_id, clicked_at) VALUES (?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE clicked_at = LEAST(clicked_at, VALUES(clicked_at))";
    // reported_at is assigned last: the conditions before it compare against the stored value
    private static final String INSERT_RESULT = "INSERT INTO call_results (call_id, user_id, outcome, profit,"
            + " reported_at) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
            + " outcome = IF(VALUES(reported_at) >= reported_at, VALUES(outcome), outcome),"
            + " profit = IF(VALUES(reported_at) >= reported_at, VALUES(profit), profit),"
            + " reported_at = GREATEST(reported_at, VALUES(reported_at))";
    private static final String INSERT_CLOSING = "INSERT INTO call_closing_odds (call_id, closing_a, closing_b)"
            + " VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE closing_a = VALUES(closing_a), closing_b = VALUES(closing_b)";
    private static final String STAKES = "SELECT stake_a + COALESCE(stake_b, 0) FROM arbitrage_calls WHERE call_id = ?";
    private static final int RECOMPUTE_CHUNK = 1000;

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
        Set<Long> touched = new LinkedHashSet<>();
        for (CallEvent e : batch) {
            touched.add(e.callId());
            if (e instanceof CallEvent.Logged l) {
                calls.add(l);
            } else if (e instanceof CallEvent.Delivered d) {
                deliveries.add(d);
            } else if (e instanceof CallEvent.Clicked k) {
                clicks.add(k);
            } else if (e instanceof CallEvent.Reported r) {
                results.add(r);
            } else if (e instanceof CallEvent.ClosingOdds o) {
                closings.add(o);
            }
        }
        if (!calls.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(INSERT_CALL)) {
                for (CallEvent.Logged l : calls) {
                    bindCall(ps, l.callId(), l.call());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!deliveries.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(INSERT_DELIVERY)) {
                for (CallEvent.Delivered d : deliveries) {
                    ps.setLong(1, d.callId());
                    ps.setInt(2, d.delivered());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
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
            if (!accepted.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(INSERT_RESULT)) {
                    for (CallEvent.Reported r : accepted) {
                        ps.setLong(1, r.callId());
                        ps.setLong(2, r.userId());
                        ps.setString(3, r.outcome().code());
                        ps.setBigDecimal(4, r.profit());
                        ps.setObject(5, utc(r.at()));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
        }
        if (!closings.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(INSERT_CLOSING)) {
                for (CallEvent.ClosingOdds o : closings) {
                    ps.setLong(1, o.callId());
                    ps.setBigDecimal(2, o.closingA());
                    ps.setBigDecimal(3, o.closingB());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        recompute(c, new ArrayList<>(touched));
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

    private static void recompute(Connection c, List<Long> ids) throws SQLException {
        for (int from = 0; from < ids.size(); from += RECOMPUTE_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + RECOMPUTE_CHUNK));
            // a few fixed list sizes, so the server sees a handful of distinct statements
            int size = chunk.size() <= 16 ? 16 : chunk.size() <= 128 ? 128 : RECOMPUTE_CHUNK;
            try (PreparedStatement ps = c.prepareStatement(DerivedColumns.recomputeSql(size))) {
                for (int i = 0; i < size; i++) {
                    ps.setLong(i + 1, chunk.get(Math.min(i, chunk.size() - 1)));
                }
                ps.executeUpdate();
            }
        }
    }

    static void bindCall(PreparedStatement ps, long callId, CallRecord call) throws SQLException {
        ps.setLong(1, callId);
        ps.setString(2, call.callType().code());
        ps.setString(3, call.sport());
        ps.setString(4, call.teamA());
        ps.setString(5, call.teamB());
        ps.setObject(6, utc(call.matchDate()));
        ps.setString(7, call.bookA());
        setNullableString(ps, 8, call.bookB());
        ps.setString(9, call.market());
        ps.setString(10, call.oddsFormat().name().toLowerCase(java.util.Locale.ROOT));
        ps.setBigDecimal(11, call.oddsA());
        setNullableDecimal(ps, 12, call.oddsB());
        ps.setBigDecimal(13, call.roiPercent().setScale(4, RoundingMode.HALF_EVEN));
        ps.setBigDecimal(14, call.stakeA());
        setNullableDecimal(ps, 15, call.stakeB());
        ps.setBigDecimal(16, call.profitExpected().setScale(2, RoundingMode.HALF_EVEN));
        ps.setObject(17, utc(call.sentAt()));
        ps.setInt(18, call.usersNotified());
    }

    /** Bound as a UTC wall-clock value, so the session time zone never shifts a stored time. */
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
