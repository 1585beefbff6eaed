package com.arbalert.calllogger;

import com.arbalert.bot.spi.CallIds;
import com.arbalert.bot.spi.CallRecord;
import com.arbalert.bot.spi.CallType;
import com.arbalert.bot.spi.OddsFormat;
import com.github.f4b6a3.tsid.TsidCreator;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Shared test set-up: a pool with short timeouts, the module's migrations, sample calls. */
final class LoggerFixtures {
    static final CallIds TSIDS = () -> TsidCreator.getTsid().toLong();

    private LoggerFixtures() {
    }

    /** Short timeouts, so a stopped server fails fast instead of holding the writer for 30 s. */
    static HikariDataSource dataSource(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "connectTimeout=1000&socketTimeout=20000");
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(1000);
        config.setValidationTimeout(500);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    /** Writes events as one batch, as the writer would, and gives the connection back. */
    static void write(DataSource dataSource, List<CallEvent> events) throws java.sql.SQLException {
        try (BatchWriter writer = new BatchWriter(dataSource)) {
            writer.write(events);
        }
    }

    static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/calllogger")
                .table("flyway_history_calllogger").load().migrate();
    }

    static CallRecord.Builder arbitrage(String sport) {
        return CallRecord.builder().callType(CallType.ARBITRAGE).sport(sport).teamA("Lakers").teamB("Celtics")
                .matchDate(Instant.parse("2026-03-01T19:30:00Z")).bookA("DraftKings").bookB("FanDuel")
                .market("Moneyline").oddsFormat(OddsFormat.AMERICAN).oddsA("-110").oddsB("+120")
                .roiPercent(2.5).stakeA("110.00").stakeB("95.00").profitExpected("5.12")
                .sentAt(Instant.parse("2026-03-01T12:00:00.123Z")).usersNotified(40);
    }

    static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<Object[]> rows(DataSource ds, String sql) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[n];
                for (int i = 0; i < n; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
