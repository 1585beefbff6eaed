package com.arbalert.calllogger;

import static com.arbalert.calllogger.LoggerFixtures.arbitrage;
import static org.assertj.core.api.Assertions.assertThat;

import com.arbalert.bot.i18n.Texts;
import com.arbalert.bot.spi.CommandReply;
import com.arbalert.bot.spi.CommandRequest;
import com.arbalert.bot.spi.Outcome;
import com.arbalert.bot.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The /stats report on a known data set: the summary's sums, CLV, and the sport filter ignoring case. */
class StatsReporterTest {
    private static final Instant NOW = Instant.parse("2026-03-08T00:00:00Z");
    private static HikariDataSource ds;

    @TempDir
    static Path dataDir;
    private static StatsReporter reporter;

    @BeforeAll
    static void knownDataSet() throws Exception {
        TestDatabase.Schema schema = TestDatabase.newSchema("stats_report");
        ds = LoggerFixtures.dataSource(schema.jdbcUrl(), schema.user(), schema.password());
        LoggerFixtures.migrate(ds);
        List<CallEvent> events = new ArrayList<>();
        Instant day = NOW.minusSeconds(86_400);
        events.add(new CallEvent.Logged(1, arbitrage("hockey").sentAt(day).usersNotified(10).build()));
        events.add(new CallEvent.Logged(2, arbitrage("hockey").sentAt(day.plusSeconds(60)).usersNotified(30).build()));
        events.add(new CallEvent.Logged(3, arbitrage("tennis").sentAt(day).usersNotified(20).build()));
        // sent 10 days ago: only in periods longer than a week
        events.add(new CallEvent.Logged(4, arbitrage("tennis").sentAt(NOW.minusSeconds(10 * 86_400)).usersNotified(50)
                .build()));
        events.add(new CallEvent.Clicked(1, 7, day));
        events.add(new CallEvent.Clicked(1, 8, day));
        events.add(new CallEvent.Clicked(3, 7, day));
        events.add(new CallEvent.Reported(1, 7, Outcome.A_WON, new BigDecimal("12.50"), day, true));
        events.add(new CallEvent.Reported(1, 8, Outcome.A_WON, new BigDecimal("-2.25"), day, true));
        events.add(new CallEvent.Reported(3, 7, Outcome.B_WON, new BigDecimal("4.00"), day, true));
        // taken -110 / +120, closing -120 / +110: clv_a = 1.9091/1.8333 - 1 = 4.13%, clv_b = 2.2/2.1 - 1 = 4.76%
        events.add(new CallEvent.ClosingOdds(2, new BigDecimal("-120"), new BigDecimal("110")));
        LoggerFixtures.write(ds, events);
        // closing odds reach the call's row through the fold, as the running logger does it
        DerivationFold fold = new DerivationFold(ds);
        while (fold.foldOnce(1000) > 0) {
            // until nothing is pending
        }
        CallLogger logger = new CallLogger(ds, Clock.systemUTC(), new SimpleMeterRegistry(), dataDir,
                LoggerFixtures.TSIDS, new CallLoggerConfig());
        reporter = new StatsReporter(new CallAnalytics(ds), logger, Clock.fixed(NOW, ZoneOffset.UTC));
        reporter.start();
    }

    @AfterAll
    static void close() throws Exception {
        reporter.stop();
        ds.close();
    }

    @Test
    void theSummarySumsTheWeeksCalls() throws Exception {
        StatsReport r = reporter.report(StatsArguments.of("7d", null));
        assertThat(r.from()).isEqualTo(NOW.minusSeconds(7 * 86_400));
        assertThat(r.summary()).isEqualTo(new CallAnalytics.Summary(3, 60, 3, new BigDecimal("5.00"), 2,
                new BigDecimal("14.25"), 1, new BigDecimal("4.45")));
        assertThat(r.bySport()).extracting(CallAnalytics.SportConversion::sport).containsExactly("hockey", "tennis");
        assertThat(r.logger()).containsEntry("dropped", 0L);
        assertThat(reporter.report(StatsArguments.of("2w", null)).summary().calls()).isEqualTo(4);
    }

    @Test
    void theSportIsMatchedWhateverItsCase() throws Exception {
        StatsReport r = reporter.report(StatsArguments.parse(List.of("7d", "HOCKEY")));
        assertThat(r.sport()).isEqualTo("HOCKEY");
        assertThat(r.summary().calls()).isEqualTo(2);
        assertThat(r.summary().notified()).isEqualTo(40);
        assertThat(r.bySport()).extracting(CallAnalytics.SportConversion::sport).containsExactly("hockey");
        assertThat(reporter.report(StatsArguments.of("7d", "curling")).summary())
                .isEqualTo(new CallAnalytics.Summary(0, 0, 0, null, 0, null, 0, null));
    }

    @Test
    void theCommandAnswersAdminsOnlyWithTheLayoutAndBadArgumentsWithTheUsage() {
        StatsCommand command = new StatsCommand(reporter);
        assertThat(command.adminOnly()).isTrue();
        CommandReply admin = command.handle(new CommandRequest(1, 1, "a", Texts.ENGLISH, List.of("7d"), true));
        assertThat(admin.monospace()).isTrue();
        assertThat(admin.text()).startsWith("Calls, last 7d\nCalls                          3\n");
        assertThat(command.handle(new CommandRequest(2, 2, "b", Texts.ENGLISH, List.of("7d"), false)).text())
                .isEqualTo("Sorry, /stats is for the bot's administrators.");
        CommandReply usage = command.handle(new CommandRequest(1, 1, "a", Texts.FRENCH, List.of("7 jours"), true));
        assertThat(usage.monospace()).isFalse();
        assertThat(usage.text()).startsWith("Usage : /stats [période] [sport]");
    }
}
