package com.arbalert.bot.telegram;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.i18n.Texts;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The language stored with a user's subscription ({@code subscribers.language}). A user who
 * never subscribed has none, and the flows fall back to Telegram's language_code.
 */
public final class SubscriberLanguages implements UserLanguages {
    private static final Logger log = LoggerFactory.getLogger(SubscriberLanguages.class);

    private final DataSource dataSource;

    @Inject
    public SubscriberLanguages(DataSource dataSource) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
    }

    @Override
    public Optional<Locale> languageOf(long userId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("SELECT language FROM subscribers WHERE user_id = ?")) {
            st.setLong(1, userId);
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next() && rs.getString(1) != null && !rs.getString(1).isBlank()) {
                    return Optional.of(Texts.localeFor(rs.getString(1)));
                }
                return Optional.empty();
            }
        } catch (SQLException e) {
            // the language only picks the wording: answer in Telegram's language rather than not at all
            log.warn("Could not read the language of user {}: {}", userId, e.getMessage());
            return Optional.empty();
        }
    }
}
