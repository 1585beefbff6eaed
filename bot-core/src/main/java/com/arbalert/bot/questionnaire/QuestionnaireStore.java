package com.arbalert.bot.questionnaire;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.db.UtcTime;
import com.arbalert.bot.spi.Outcome;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The questionnaires' state in MariaDB. Every change is a conditional UPDATE on the expected
 * state, so a double press, a late answer or a second instance changes a row at most once;
 * {@code open_chat_id}'s unique key keeps one question open per chat.
 */
public final class QuestionnaireStore {
    private static final String COLUMNS =
            "id, call_id, user_id, chat_id, language, state, due_at, asked_at, times_asked, outcome, profit, finished_at";
    private static final int DUPLICATE_KEY = 1062;

    private final DataSource dataSource;

    @Inject
    public QuestionnaireStore(DataSource dataSource) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
    }

    public Optional<Questionnaire> find(long id) {
        return one("SELECT " + COLUMNS + " FROM questionnaires WHERE id = ?", id);
    }

    public Optional<Questionnaire> find(long callId, long userId) {
        return one("SELECT " + COLUMNS + " FROM questionnaires WHERE call_id = ? AND user_id = ?", callId, userId);
    }

    /** The question open in a chat (outcome or profit), if any. */
    public Optional<Questionnaire> openIn(long chatId) {
        return one("SELECT " + COLUMNS + " FROM questionnaires WHERE open_chat_id = ?", chatId);
    }

    /** Waiting questionnaires of a chat that are due, the earliest first. */
    public List<Questionnaire> dueIn(long chatId, Instant now) {
        return many("SELECT " + COLUMNS + " FROM questionnaires WHERE chat_id = ? AND state = 'waiting' AND due_at <= ?"
                + " ORDER BY due_at, id", chatId, now);
    }

    /** Chats with at least one due waiting questionnaire and no open question: those a check can serve. */
    public List<Long> chatsWithDue(Instant now) {
        List<Long> chats = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT DISTINCT w.chat_id FROM questionnaires w WHERE w.state = 'waiting' AND w.due_at <= ?"
                        + " AND NOT EXISTS (SELECT 1 FROM questionnaires o WHERE o.open_chat_id = w.chat_id)"
                        + " ORDER BY w.chat_id")) {
            UtcTime.set(st, 1, now);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    chats.add(rs.getLong(1));
                }
            }
            return chats;
        } catch (SQLException e) {
            throw failure("find chats with due questionnaires", e);
        }
    }

    /** Open questions asked before {@code askedBefore}: unanswered too long. */
    public List<Questionnaire> askedBefore(Instant askedBefore) {
        return many("SELECT " + COLUMNS + " FROM questionnaires WHERE open_chat_id IS NOT NULL AND asked_at < ?"
                + " ORDER BY asked_at, id", askedBefore);
    }

    /** Makes a waiting questionnaire the chat's open question; false when it is not waiting or the chat is busy. */
    public boolean open(long id, Instant now) {
        try {
            return update("UPDATE questionnaires SET state = 'open', open_chat_id = chat_id, asked_at = ?,"
                    + " times_asked = times_asked + 1 WHERE id = ? AND state = 'waiting'", now, id) == 1;
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException sql && sql.getErrorCode() == DUPLICATE_KEY) {
                return false; // another question is open in this chat: this one waits its turn
            }
            throw e;
        }
    }

    /** A correction: done → open again, the previous answer cleared; false when not done or the chat is busy. */
    public boolean reopen(long id, Instant now) {
        try {
            return update("UPDATE questionnaires SET state = 'open', open_chat_id = chat_id, asked_at = ?,"
                    + " times_asked = times_asked + 1, outcome = NULL, profit = NULL, finished_at = NULL"
                    + " WHERE id = ? AND state = 'done'", now, id) == 1;
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException sql && sql.getErrorCode() == DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** open → awaiting_profit with the chosen outcome. */
    public boolean chooseOutcome(long id, Outcome outcome) {
        return update("UPDATE questionnaires SET state = 'awaiting_profit', outcome = ? WHERE id = ? AND state = 'open'",
                outcome.code(), id) == 1;
    }

    /** awaiting_profit → done with the profit. */
    public boolean complete(long id, BigDecimal profit, Instant now) {
        return update("UPDATE questionnaires SET state = 'done', profit = ?, open_chat_id = NULL, finished_at = ?"
                + " WHERE id = ? AND state = 'awaiting_profit'", profit, now, id) == 1;
    }

    /** An open question (outcome or profit) ends as {@code end} (declined, skipped, cancelled, expired). */
    public boolean close(long id, QuestionnaireState end, Instant now) {
        return update("UPDATE questionnaires SET state = ?, open_chat_id = NULL, finished_at = ?"
                + " WHERE id = ? AND state IN ('open', 'awaiting_profit')", end.code(), now, id) == 1;
    }

    /** "Not played yet": the open question goes back to waiting until {@code dueAt}. */
    public boolean postpone(long id, Instant dueAt) {
        return update("UPDATE questionnaires SET state = 'waiting', open_chat_id = NULL, due_at = ?"
                + " WHERE id = ? AND state = 'open'", dueAt, id) == 1;
    }

    /** Cancels a chat's waiting questionnaires that are already due; those due later stay. */
    public int cancelDue(long chatId, Instant now) {
        return update("UPDATE questionnaires SET state = 'cancelled', finished_at = ?"
                + " WHERE chat_id = ? AND state = 'waiting' AND due_at <= ?", now, chatId, now);
    }

    private Optional<Questionnaire> one(String sql, Object... params) {
        List<Questionnaire> rows = many(sql, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private List<Questionnaire> many(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, params);
            List<Questionnaire> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw failure("read questionnaires", e);
        }
    }

    private int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, params);
            return st.executeUpdate();
        } catch (SQLException e) {
            throw failure("update a questionnaire", e);
        }
    }

    private static void bind(PreparedStatement st, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            if (params[i] instanceof Instant at) {
                UtcTime.set(st, i + 1, at);
            } else {
                st.setObject(i + 1, params[i]);
            }
        }
    }

    private static Questionnaire read(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        return new Questionnaire(rs.getLong("id"), rs.getLong("call_id"), rs.getLong("user_id"), rs.getLong("chat_id"),
                rs.getString("language"), QuestionnaireState.fromCode(rs.getString("state")), UtcTime.get(rs, "due_at"),
                UtcTime.get(rs, "asked_at"), rs.getInt("times_asked"), outcome == null ? null : Outcome.fromCode(outcome),
                rs.getBigDecimal("profit"), UtcTime.get(rs, "finished_at"));
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("could not " + what + ": " + e.getMessage(), e);
    }
}
