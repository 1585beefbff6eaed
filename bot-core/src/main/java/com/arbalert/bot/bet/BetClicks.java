package com.arbalert.bot.bet;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.db.UtcTime;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The I BET presses, in {@code bet_clicks}. The first press of a user on a call also plans that
 * user's result questionnaire, in the same transaction, so a click never lacks its questionnaire.
 */
public final class BetClicks {
    private final DataSource dataSource;

    @Inject
    public BetClicks(DataSource dataSource) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
    }

    /** One press to record; {@code language} is a language code or null. */
    public record Press(long callId, long userId, long chatId, String language, Instant at, Instant askAt) {
    }

    /** @return true for the user's first press on the call, false for a repeat */
    public boolean record(Press press) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean first = insertClick(c, press);
                if (!first) {
                    countRepeat(c, press);
                }
                // INSERT IGNORE on every press: a questionnaire row lost to a failure is made on the next press
                planQuestionnaire(c, press);
                c.commit();
                return first;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the I BET press of user " + press.userId() + " on call "
                    + press.callId() + ": " + e.getMessage(), e);
        }
    }

    /** How many distinct users pressed I BET on the call. */
    public int distinctUsers(long callId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM bet_clicks WHERE call_id = ?")) {
            st.setLong(1, callId);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the I BET presses on call " + callId + ": " + e.getMessage(), e);
        }
    }

    private static boolean insertClick(Connection c, Press p) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT IGNORE INTO bet_clicks"
                + " (call_id, user_id, chat_id, language, first_clicked_at, last_clicked_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            st.setLong(1, p.callId());
            st.setLong(2, p.userId());
            st.setLong(3, p.chatId());
            st.setString(4, p.language());
            UtcTime.set(st, 5, p.at());
            UtcTime.set(st, 6, p.at());
            return st.executeUpdate() == 1;
        }
    }

    private static void countRepeat(Connection c, Press p) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "UPDATE bet_clicks SET presses = presses + 1, last_clicked_at = ? WHERE call_id = ? AND user_id = ?")) {
            UtcTime.set(st, 1, p.at());
            st.setLong(2, p.callId());
            st.setLong(3, p.userId());
            st.executeUpdate();
        }
    }

    private static void planQuestionnaire(Connection c, Press p) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT IGNORE INTO questionnaires"
                + " (call_id, user_id, chat_id, language, state, due_at) VALUES (?, ?, ?, ?, 'waiting', ?)")) {
            st.setLong(1, p.callId());
            st.setLong(2, p.userId());
            st.setLong(3, p.chatId());
            st.setString(4, p.language());
            UtcTime.set(st, 5, p.askAt());
            st.executeUpdate();
        }
    }
}
