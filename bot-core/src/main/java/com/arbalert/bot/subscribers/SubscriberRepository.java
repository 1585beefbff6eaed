package com.arbalert.bot.subscribers;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.telegram.BlockedChats;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code subscribers} table: who gets alerts, in which language. */
@Singleton
public final class SubscriberRepository implements BlockedChats {
    private static final Logger log = LoggerFactory.getLogger(SubscriberRepository.class);

    private final DataSource db;
    private final Clock clock;

    @Inject
    public SubscriberRepository(DataSource db, Clock clock) {
        this.db = requireNonNull(db, "db");
        this.clock = requireNonNull(clock, "clock");
    }

    /**
     * Subscribes (again) a user; keeps the language they chose earlier, else takes {@code locale}.
     * @return true when the user was not an active subscriber before
     */
    public boolean subscribe(long userId, long chatId, String username, Locale locale) {
        Timestamp now = Timestamp.from(clock.instant());
        return update(c -> {
            boolean wasActive = find(c, userId).map(Subscriber::active).orElse(false);
            try (PreparedStatement st = c.prepareStatement("INSERT INTO subscribers"
                    + " (user_id, chat_id, username, language, subscribed_at, active, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, TRUE, ?) ON DUPLICATE KEY UPDATE chat_id = VALUES(chat_id),"
                    + " username = VALUES(username), subscribed_at = IF(active, subscribed_at, VALUES(subscribed_at)),"
                    + " active = TRUE, updated_at = VALUES(updated_at)")) {
                st.setLong(1, userId);
                st.setLong(2, chatId);
                st.setString(3, username);
                st.setString(4, languageOf(locale));
                st.setTimestamp(5, now);
                st.setTimestamp(6, now);
                st.executeUpdate();
            }
            return !wasActive;
        });
    }

    /** @return true when the user was an active subscriber */
    public boolean unsubscribe(long userId) {
        return update(c -> setInactive(c, "user_id", userId) > 0);
    }

    /** Stores the user's language, creating an inactive row for someone who never subscribed. */
    public void setLanguage(long userId, long chatId, String username, Locale locale) {
        Timestamp now = Timestamp.from(clock.instant());
        update(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO subscribers"
                    + " (user_id, chat_id, username, language, subscribed_at, active, updated_at)"
                    + " VALUES (?, ?, ?, ?, NULL, FALSE, ?) ON DUPLICATE KEY UPDATE language = VALUES(language),"
                    + " updated_at = VALUES(updated_at)")) {
                st.setLong(1, userId);
                st.setLong(2, chatId);
                st.setString(3, username);
                st.setString(4, languageOf(locale));
                st.setTimestamp(5, now);
                return st.executeUpdate();
            }
        });
    }

    public Optional<Subscriber> find(long userId) {
        return update(c -> find(c, userId));
    }

    /** Everyone who gets alerts now. */
    public List<Subscriber> activeSubscribers() {
        return update(c -> {
            List<Subscriber> all = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT user_id, chat_id, username, language, subscribed_at,"
                    + " active FROM subscribers WHERE active = TRUE ORDER BY user_id")) {
                st.setFetchSize(1000);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        all.add(row(rs));
                    }
                }
            }
            return all;
        });
    }

    /** A 403 from Telegram: the user blocked the bot; no alert goes to them until they /start again. */
    @Override
    public void chatBlocked(long chatId) {
        int changed = update(c -> setInactive(c, "chat_id", chatId));
        if (changed > 0) {
            log.info("Chat {} blocked the bot: subscriber marked inactive", chatId);
        }
    }

    private int setInactive(Connection c, String column, long id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE subscribers SET active = FALSE, updated_at = ? WHERE "
                + column + " = ? AND active = TRUE")) {
            st.setTimestamp(1, Timestamp.from(clock.instant()));
            st.setLong(2, id);
            return st.executeUpdate();
        }
    }

    private static Optional<Subscriber> find(Connection c, long userId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT user_id, chat_id, username, language, subscribed_at,"
                + " active FROM subscribers WHERE user_id = ?")) {
            st.setLong(1, userId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static Subscriber row(ResultSet rs) throws SQLException {
        Timestamp subscribedAt = rs.getTimestamp(5);
        return new Subscriber(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                subscribedAt == null ? null : subscribedAt.toInstant(), rs.getBoolean(6));
    }

    private static String languageOf(Locale locale) {
        return "fr".equals(locale.getLanguage()) ? "fr" : "en";
    }

    private <T> T update(SqlWork<T> work) {
        try (Connection c = db.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("subscribers: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

}
