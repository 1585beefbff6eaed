package com.arbalert.calllogger;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.db.UtcTime;
import com.arbalert.bot.spi.CallRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Writes one batch of events in one transaction. Calls and clicks are INSERT IGNORE batches (bulk
 * commands); deliveries and closing odds, where the last one counts, are multi-row upserts
 * (Connector/J sends an INSERT ... ON DUPLICATE KEY UPDATE batch as a bulk command only to servers
 * with bulk unit results, 11.5+; before that it would be a round trip per row). Answers, where the
 * last one counts too but a repeat is rare, go as INSERT IGNORE first and as the upsert only when
 * one of them was already stored.
 * A call whose row is in the batch is inserted with its derived columns computed from the batch
 * ({@link BatchDerivation}). Every other call the batch's facts touch is marked in
 * {@code derived_pending} in the same transaction and later folded ({@link DerivationFold}):
 * rewriting a call's row, which the covering indexes carry, once per fold instead of once per
 * batch. Facts stored before their call's row (another instance's, while this one journaled) were
 * marked when they were written, and the mark waits for the row, so the batch need not look for
 * them. A row already written is kept as it is ({@code INSERT IGNORE}): derived from its first
 * batch, and from the tables by every later fold. Every statement is idempotent, so writing a
 * batch twice leaves the same rows. Statements run by kind; within a kind they keep acceptance
 * order, which is all a call's final state depends on. Times are bound as UTC wall-clock values
 * ({@link UtcTime#of}), so the connection's time zone never shifts a stored time.
 * The writer holds one pooled connection, with autocommit off, and its four batch statements
 * across batches, as a hand-written bulk loader would: no pool borrow, autocommit switch or
 * statement parse per batch. The owner returns it with {@link #release()} when it goes idle, and
 * it is returned by itself after {@link #HOLD_NANOS} (so the pool can retire it) or any failure.
 */
final class BatchWriter implements AutoCloseable {
    // Calls and clicks never change once written (a repeat keeps the first), so they are plain
    // INSERT IGNORE batches, which Connector/J sends as one bulk command.
    static final String INSERT_CALL = "INSERT IGNORE INTO arbitrage_calls (call_id, call_type, sport, team_a, team_b,"
            + " match_date, book_a, book_b, market, odds_format, odds_a, odds_b, roi_percent, stake_a, stake_b,"
            + " profit_expected, sent_at, users_notified, users_clicked, outcome, profit_actual)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    static final String MARK_PENDING = "INSERT IGNORE INTO derived_pending (call_id) VALUES (?)";
    static final String INSERT_CLICK = "INSERT IGNORE INTO call_clicks (call_id, user_id, clicked_at) VALUES (?, ?, ?)";
    // answers are tried as new first, a bulk command; only when some (user, call) already had one
    // (a correction, a replay) does the batch's answers go again through the upsert below
    static final String INSERT_RESULT = "INSERT IGNORE INTO call_results (call_id, user_id, outcome, profit, reported_at)"
            + " VALUES (?, ?, ?, ?, ?)";
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

    static final long HOLD_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final DataSource dataSource;
    private Connection connection;
    private long heldSince;
    private PreparedStatement insertCall;
    private PreparedStatement insertClick;
    private PreparedStatement insertResult;
    private PreparedStatement markPending;

    BatchWriter(DataSource dataSource) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
    }

    /**
     * What a committed batch left out (answers whose profit broke the bound of the stored stakes)
     * and how many calls it marked for a fold (some may have been pending already).
     */
    record Outcome(List<String> refused, int marked) {
    }

    Outcome write(List<CallEvent> batch) throws SQLException {
        Connection c = connection();
        try {
            Outcome outcome = writeIn(c, batch);
            c.commit();
            return outcome;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c, e);
            release(); // a connection that failed is not trusted with the next batch
            throw e;
        } finally {
            if (connection != null && System.nanoTime() - heldSince >= HOLD_NANOS) {
                release();
            }
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Connection c = dataSource.getConnection();
            try {
                c.setAutoCommit(false);
                insertCall = c.prepareStatement(INSERT_CALL);
                insertClick = c.prepareStatement(INSERT_CLICK);
                insertResult = c.prepareStatement(INSERT_RESULT);
                markPending = c.prepareStatement(MARK_PENDING);
            } catch (SQLException | RuntimeException e) {
                closeQuietly(c, e);
                throw e;
            }
            connection = c;
            heldSince = System.nanoTime();
        }
        return connection;
    }

    /** Returns the held connection to the pool (which restores autocommit); nothing is open between batches. */
    void release() {
        Connection c = connection;
        if (c == null) {
            return;
        }
        connection = null;
        insertCall = null;
        insertClick = null;
        insertResult = null;
        markPending = null;
        try {
            c.close(); // closes the statements too
        } catch (SQLException e) {
            // the pool evicts a connection it cannot reset; nothing of ours is lost
        }
    }

    @Override
    public void close() {
        release();
    }

    private Outcome writeIn(Connection c, List<CallEvent> batch) throws SQLException {
        Map<Long, CallEvent.Logged> calls = new LinkedHashMap<>();
        List<CallEvent.Delivered> deliveries = new ArrayList<>();
        List<CallEvent.Clicked> clicks = new ArrayList<>();
        List<CallEvent.Reported> results = new ArrayList<>();
        List<CallEvent.ClosingOdds> closings = new ArrayList<>();
        for (CallEvent e : batch) {
            if (e instanceof CallEvent.Logged l) {
                calls.putIfAbsent(l.callId(), l); // INSERT IGNORE keeps the first too
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
        List<String> refused = new ArrayList<>();
        List<CallEvent.Reported> accepted = results.isEmpty() ? results : checkUnchecked(c, results, calls, refused);
        Set<Long> pendingIds = new TreeSet<>();
        if (!calls.isEmpty()) {
            BatchDerivation derivation = new BatchDerivation(clicks, accepted, deliveries);
            PreparedStatement ps = insertCall;
            for (CallEvent.Logged l : calls.values()) {
                bindCall(ps, 1, l.callId(), l.call());
                BatchDerivation.Derived d = derivation.of(l);
                ps.setInt(18, d.usersNotified());
                ps.setInt(19, d.usersClicked());
                setNullableString(ps, 20, d.outcome());
                setNullableDecimal(ps, 21, d.profitActual());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        DELIVERIES.execute(c, deliveries, (ps, at, d) -> {
            ps.setLong(at, d.callId());
            ps.setInt(at + 1, d.delivered());
        });
        if (!clicks.isEmpty()) {
            PreparedStatement ps = insertClick;
            for (CallEvent.Clicked k : clicks) {
                ps.setLong(1, k.callId());
                ps.setLong(2, k.userId());
                ps.setObject(3, UtcTime.of(k.at()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        if (!accepted.isEmpty() && insertNew(insertResult, accepted) != accepted.size()) {
            RESULTS.execute(c, accepted, BatchWriter::bindResult);
        }
        CLOSINGS.execute(c, closings, (ps, at, o) -> {
            ps.setLong(at, o.callId());
            ps.setBigDecimal(at + 1, o.closingA());
            setNullableDecimal(ps, at + 2, o.closingB());
        });
        markOthers(pendingIds, calls.keySet(), deliveries, clicks, accepted);
        closings.forEach(o -> pendingIds.add(o.callId())); // rare and hours after the call: always folded
        if (!pendingIds.isEmpty()) {
            PreparedStatement ps = markPending;
            for (long id : pendingIds) {
                ps.setLong(1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return new Outcome(refused, pendingIds.size());
    }

    private static void bindResult(PreparedStatement ps, int at, CallEvent.Reported r) throws SQLException {
        ps.setLong(at, r.callId());
        ps.setLong(at + 1, r.userId());
        ps.setString(at + 2, r.outcome().code());
        ps.setBigDecimal(at + 3, r.profit());
        ps.setObject(at + 4, UtcTime.of(r.at()));
    }

    /**
     * Runs the answers through INSERT IGNORE; returns how many rows it inserted, or -1 when the
     * driver cannot tell (then the caller upserts them all, which is always right). A bulk command
     * reports no count per row, only the total.
     */
    private static long insertNew(PreparedStatement ps, List<CallEvent.Reported> results) throws SQLException {
        for (CallEvent.Reported r : results) {
            bindResult(ps, 1, r);
            ps.addBatch();
        }
        int[] counts = ps.executeBatch();
        long sum = 0;
        for (int n : counts) {
            if (n < 0) {
                long total = ps.getLargeUpdateCount();
                return total >= 0 ? total : -1;
            }
            sum += n;
        }
        return sum;
    }

    @SafeVarargs
    private static void markOthers(Set<Long> pendingIds, Set<Long> logged, List<? extends CallEvent>... facts) {
        for (List<? extends CallEvent> kind : facts) {
            for (CallEvent e : kind) {
                if (!logged.contains(e.callId())) {
                    pendingIds.add(e.callId());
                }
            }
        }
    }

    /** Answers for calls that were not in memory at the call are checked here against the stored stakes. */
    private static List<CallEvent.Reported> checkUnchecked(Connection c, List<CallEvent.Reported> results,
            Map<Long, CallEvent.Logged> calls, List<String> refused) throws SQLException {
        List<CallEvent.Reported> accepted = new ArrayList<>(results.size());
        PreparedStatement ps = null;
        try {
            for (CallEvent.Reported r : results) {
                CallEvent.Logged inBatch = calls.get(r.callId());
                if (!r.checked() && inBatch != null) {
                    BigDecimal bound = inBatch.call().totalStake().multiply(CallRecord.PROFIT_STAKE_FACTOR);
                    if (r.profit().abs().compareTo(bound) > 0) {
                        refused.add(refusal(r, bound));
                        continue;
                    }
                } else if (!r.checked()) {
                    if (ps == null) {
                        ps = c.prepareStatement(STAKES);
                    }
                    ps.setLong(1, r.callId());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            BigDecimal bound = rs.getBigDecimal(1).multiply(CallRecord.PROFIT_STAKE_FACTOR);
                            if (r.profit().abs().compareTo(bound) > 0) {
                                refused.add(refusal(r, bound));
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

    private static String refusal(CallEvent.Reported r, BigDecimal bound) {
        return "profit of user " + r.userId() + " for call " + r.callId() + " must be within ±" + bound.toPlainString()
                + " (10 times the stakes), got " + r.profit().toPlainString();
    }

    static void bindCall(PreparedStatement ps, int at, long callId, CallRecord call) throws SQLException {
        ps.setLong(at, callId);
        ps.setString(at + 1, call.callType().code());
        ps.setString(at + 2, call.sport());
        ps.setString(at + 3, call.teamA());
        ps.setString(at + 4, call.teamB());
        ps.setObject(at + 5, UtcTime.of(call.matchDate()));
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
        ps.setObject(at + 16, UtcTime.of(call.sentAt()));
        ps.setInt(at + 17, call.usersNotified());
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

    private static void closeQuietly(Connection c, Exception cause) {
        try {
            c.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
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
