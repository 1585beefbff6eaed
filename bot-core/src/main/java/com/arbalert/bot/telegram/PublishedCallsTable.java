package com.arbalert.bot.telegram;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.db.UtcTime;
import com.arbalert.bot.spi.CallRecord;
import com.arbalert.bot.spi.CallType;
import com.arbalert.bot.spi.OddsFormat;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link PublishedCalls} in the core table {@code published_calls}. */
public final class PublishedCallsTable implements PublishedCalls {
    private static final String COLUMNS = "call_id, call_type, sport, team_a, team_b, match_date, book_a, book_b, market,"
            + " odds_format, odds_a, odds_b, roi_percent, stake_a, stake_b, profit_expected, sent_at, users_notified";

    private final DataSource dataSource;
    private final Clock clock;

    @Inject
    public PublishedCallsTable(DataSource dataSource, Clock clock) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public void remember(CallRecord call) {
        if (call.callId() <= 0) {
            throw new IllegalArgumentException("a published call needs its call id, got " + call.callId());
        }
        // a second remember (the publisher learning how many users it reached) refreshes the row
        String sql = "INSERT INTO published_calls (" + COLUMNS + ", remembered_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE sent_at = VALUES(sent_at), users_notified = VALUES(users_notified)";
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, call.callId());
            st.setString(2, call.callType().code());
            st.setString(3, call.sport());
            st.setString(4, call.teamA());
            st.setString(5, call.teamB());
            UtcTime.set(st, 6, call.matchDate());
            st.setString(7, call.bookA());
            st.setString(8, call.bookB());
            st.setString(9, call.market());
            st.setString(10, call.oddsFormat().name());
            st.setBigDecimal(11, call.oddsA());
            st.setBigDecimal(12, call.oddsB());
            st.setBigDecimal(13, call.roiPercent());
            st.setBigDecimal(14, call.stakeA());
            st.setBigDecimal(15, call.stakeB());
            st.setBigDecimal(16, call.profitExpected());
            UtcTime.set(st, 17, call.sentAt());
            st.setInt(18, call.usersNotified());
            UtcTime.set(st, 19, clock.instant());
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store published call " + call.callId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<CallRecord> find(long callId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM published_calls WHERE call_id = ?")) {
            st.setLong(1, callId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read published call " + callId + ": " + e.getMessage(), e);
        }
    }

    private static CallRecord read(ResultSet rs) throws SQLException {
        return new CallRecord(rs.getLong("call_id"), CallType.fromCode(rs.getString("call_type")), rs.getString("sport"),
                rs.getString("team_a"), rs.getString("team_b"), UtcTime.get(rs, "match_date"), rs.getString("book_a"),
                rs.getString("book_b"), rs.getString("market"), OddsFormat.valueOf(rs.getString("odds_format")),
                rs.getBigDecimal("odds_a"), rs.getBigDecimal("odds_b"), rs.getBigDecimal("roi_percent"),
                rs.getBigDecimal("stake_a"), rs.getBigDecimal("stake_b"), rs.getBigDecimal("profit_expected"),
                UtcTime.get(rs, "sent_at"), rs.getInt("users_notified"));
    }
}
