package com.arbalert.bot.questionnaire;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.spi.Service;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every QUESTIONNAIRE_CHECK_INTERVAL, closes unanswered questions and opens due ones. With
 * several instances on one database only one checks at a time: the check runs while holding
 * MariaDB's named lock {@code questionnaire-scheduler:<schema>} on a connection of its own, and
 * an instance that cannot take it at once skips its turn.
 */
public final class QuestionnaireScheduler implements Service {
    private static final Logger log = LoggerFactory.getLogger(QuestionnaireScheduler.class);

    /** What one check did; {@code ran} is false when another instance held the lock. */
    public record Check(boolean ran, int expired, int opened) {
    }

    private final QuestionnaireFlow flow;
    private final DataSource dataSource;
    private final QuestionnaireConfig config;
    private ScheduledExecutorService executor;

    @Inject
    public QuestionnaireScheduler(QuestionnaireFlow flow, DataSource dataSource, QuestionnaireConfig config) {
        this.flow = requireNonNull(flow, "flow");
        this.dataSource = requireNonNull(dataSource, "dataSource");
        this.config = requireNonNull(config, "config");
    }

    @Override
    public int phase() {
        return PHASE_CORE;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "questionnaire-check");
            t.setDaemon(true);
            return t;
        });
        long every = config.getCheckInterval().toMillis();
        executor.scheduleWithFixedDelay(this::checkQuietly, every, every, TimeUnit.MILLISECONDS);
        log.info("Questionnaire checks every {}", DurationText.format(config.getCheckInterval()));
    }

    @Override
    public synchronized void stop() throws InterruptedException {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
        executor = null;
    }

    /** Runs one check now, unless another instance is running one. */
    public Check checkNow() {
        try (Connection lock = dataSource.getConnection()) {
            String name = lockName(lock.getCatalog());
            if (!tryLock(lock, name)) {
                return new Check(false, 0, 0);
            }
            try {
                int expired = flow.expireUnanswered();
                int opened = flow.openDue();
                return new Check(true, expired, opened);
            } finally {
                release(lock, name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("questionnaire check could not use the database: " + e.getMessage(), e);
        }
    }

    private void checkQuietly() {
        try {
            Check check = checkNow();
            if (check.expired() > 0 || check.opened() > 0) {
                log.info("Questionnaire check: {} opened, {} expired", check.opened(), check.expired());
            }
        } catch (RuntimeException e) {
            // a failed check must not end the schedule: the next one tries again
            log.error("Questionnaire check failed", e);
        }
    }

    /** One lock per schema (several deployments may share a server); MariaDB allows 64 characters. */
    static String lockName(String schema) {
        String name = "questionnaire-scheduler:" + schema;
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    private static boolean tryLock(Connection c, String name) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT GET_LOCK(?, 0)")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }

    private static void release(Connection c, String name) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            st.setString(1, name);
            st.executeQuery().close();
        }
    }
}
