package com.arbalert.calllogger;

import static org.assertj.core.api.Assertions.assertThat;

import com.arbalert.bot.spi.CallType;
import com.arbalert.bot.spi.Outcome;
import com.arbalert.bot.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SQL that README.md offers analysts runs on the schema and answers with rows. */
class ReadmeSqlTest {
    private static final Pattern SQL_BLOCK = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyQueryOfTheReadmeRunsOnTheSchema() throws Exception {
        List<String> queries = readmeQueries();
        assertThat(queries).hasSizeGreaterThanOrEqualTo(7);
        TestDatabase.Schema schema = TestDatabase.newSchema("readme_sql");
        try (HikariDataSource ds = schema.dataSource()) {
            LoggerFixtures.migrate(ds);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            List<CallEvent> events = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                events.add(new CallEvent.Logged(i, LoggerFixtures.arbitrage(i % 2 == 0 ? "NBA" : "NHL")
                        .callType(CallType.ARBITRAGE).roiPercent(0.5 + i).sentAt(now.minusSeconds(3600L * i)).build()));
                for (long user = 1; user <= i; user++) {
                    events.add(new CallEvent.Clicked(i, user, now.minusSeconds(3600L * i - 30)));
                    events.add(new CallEvent.Reported(i, user, Outcome.A_WON, new BigDecimal("4.50"), now, true));
                }
            }
            LoggerFixtures.write(ds, events);
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                for (String sql : queries) {
                    try (ResultSet rs = st.executeQuery(sql)) {
                        assertThat(rs.next()).as("rows from:%n%s", sql).isTrue();
                    }
                }
            }
        }
    }

    private static List<String> readmeQueries() throws Exception {
        // the module's tests run in call-logger-module/, the README is one level up
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> queries = new ArrayList<>();
        Matcher m = SQL_BLOCK.matcher(readme);
        while (m.find()) {
            for (String statement : m.group(1).split(";\\s*\\n")) {
                String sql = statement.lines().filter(l -> !l.strip().startsWith("--"))
                        .reduce("", (a, b) -> a + b + "\n").strip();
                if (!sql.isEmpty()) {
                    queries.add(sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql);
                }
            }
        }
        return queries;
    }
}
