package com.arbalert.calllogger;

import static com.arbalert.calllogger.LoggerFixtures.arbitrage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.arbalert.bot.spi.InvalidInputException;
import com.arbalert.bot.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CallAnalyticsTest {
    private static HikariDataSource ds;
    private static CallAnalytics analytics;
    private static final StatsPeriod MARCH_1_2 = StatsPeriod.of(Instant.parse("2026-03-01T00:00:00Z"),
            Instant.parse("2026-03-03T00:00:00Z"));

    @BeforeAll
    static void knownDataSet() throws Exception {
        TestDatabase.Schema schema = TestDatabase.newSchema("calllog_stats");
        ds = LoggerFixtures.dataSource(schema.jdbcUrl(), schema.user(), schema.password());
        LoggerFixtures.migrate(ds);
        List<CallEvent> events = new ArrayList<>();
        call(events, 1, "soccer", "DraftKings", "FanDuel", "0.5", "2026-03-01T09:15:00Z", 10, 2);
        call(events, 2, "soccer", "DraftKings", "FanDuel", "1.5", "2026-03-01T09:45:00Z", 20, 3);
        call(events, 3, "tennis", "Pinnacle", "Bet365", "2.5", "2026-03-01T14:00:00Z", 10, 5);
        call(events, 4, "tennis", "DraftKings", "FanDuel", "4.0", "2026-03-02T14:30:00Z", 0, 0);
        call(events, 5, "soccer", "Pinnacle", "Bet365", "6.0", "2026-03-02T23:59:59Z", 5, 1);
        call(events, 6, "soccer", "DraftKings", "FanDuel", "3.0", "2026-04-01T10:00:00Z", 100, 0); // outside
        LoggerFixtures.write(ds, events);
        analytics = new CallAnalytics(ds);
    }

    private static void call(List<CallEvent> events, long id, String sport, String bookA, String bookB, String roi,
            String sentAt, int notified, int clicks) {
        events.add(new CallEvent.Logged(id, arbitrage(sport).bookA(bookA).bookB(bookB).roiPercent(new BigDecimal(roi))
                .sentAt(Instant.parse(sentAt)).usersNotified(notified).build()));
        for (int u = 1; u <= clicks; u++) {
            events.add(new CallEvent.Clicked(id, u, Instant.parse(sentAt).plusSeconds(u)));
        }
    }

    @AfterAll
    static void close() {
        ds.close();
    }

    @Test
    void conversionBySport() throws Exception {
        assertThat(analytics.conversionBySport(MARCH_1_2)).containsExactly(
                new CallAnalytics.SportConversion("soccer", 3, 35, 6, new BigDecimal("17.14")),
                new CallAnalytics.SportConversion("tennis", 2, 10, 5, new BigDecimal("50.00")));
        assertThat(analytics.conversionBySport(new StatsPeriod(MARCH_1_2.from(), MARCH_1_2.to(), "tennis")))
                .extracting(CallAnalytics.SportConversion::sport).containsExactly("tennis");
    }

    @Test
    void bestBookmakerPairs() throws Exception {
        assertThat(analytics.bestBookPairs(MARCH_1_2, 1, 10)).containsExactly(
                new CallAnalytics.BookPair("Pinnacle", "Bet365", 2, new BigDecimal("4.2500"), new BigDecimal("40.00")),
                new CallAnalytics.BookPair("DraftKings", "FanDuel", 3, new BigDecimal("2.0000"), new BigDecimal("16.67")));
        assertThat(analytics.bestBookPairs(MARCH_1_2, 3, 10)).extracting(CallAnalytics.BookPair::bookA)
                .containsExactly("DraftKings");
    }

    @Test
    void callsByHourInUtc() throws Exception {
        assertThat(analytics.callsByHour(MARCH_1_2)).containsExactly(
                new CallAnalytics.HourActivity(9, 2, 5),
                new CallAnalytics.HourActivity(14, 2, 5),
                new CallAnalytics.HourActivity(23, 1, 1));
    }

    @Test
    void roiBucketsAgainstConversion() throws Exception {
        assertThat(analytics.conversionByRoi(MARCH_1_2)).containsExactly(
                new CallAnalytics.RoiBucket("<1%", 1, 10, 2, new BigDecimal("20.00")),
                new CallAnalytics.RoiBucket("1-2%", 1, 20, 3, new BigDecimal("15.00")),
                new CallAnalytics.RoiBucket("2-3%", 1, 10, 5, new BigDecimal("50.00")),
                new CallAnalytics.RoiBucket("3-5%", 1, 0, 0, null),
                new CallAnalytics.RoiBucket(">=5%", 1, 5, 1, new BigDecimal("20.00")));
    }

    @Test
    void aPeriodMustHaveItsEndAfterItsStart() {
        assertThatThrownBy(() -> StatsPeriod.of(MARCH_1_2.to(), MARCH_1_2.from()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must be before");
    }
}
