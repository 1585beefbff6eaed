package com.arbalert.calllogger;

import static org.assertj.core.api.Assertions.assertThat;

import com.arbalert.bot.i18n.Texts;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The /stats block read on a phone: 32 columns, figures aligned, long names cut, both languages. */
class StatsLayoutTest {
    private static final LoggerHealth HEALTH = new LoggerHealth(3, 100, 90, 12, 12, 0, 4, 0, true, 2048, "boom",
            Duration.ofSeconds(150), 0, 0, Duration.ofSeconds(150));

    static StatsReport report() {
        return new StatsReport("7d", null, Instant.parse("2026-11-13T12:00:00Z"), Instant.parse("2026-11-20T12:00:00Z"),
                new CallAnalytics.Summary(1234, 45678, 2345, new BigDecimal("5.13"), 321, new BigDecimal("-1234.5"), 40,
                        new BigDecimal("1.25")),
                List.of(new CallAnalytics.SportConversion("basketball_nba_and_a_long_league_name", 1000, 40000, 2000,
                        new BigDecimal("5.00")), new CallAnalytics.SportConversion("soccer", 234, 5678, 345, null)),
                List.of(new CallAnalytics.BookPair("DraftKings", "FanDuel", 120, new BigDecimal("2.5"),
                        new BigDecimal("12.34"))),
                List.of(new CallAnalytics.HourActivity(7, 12, 3), new CallAnalytics.HourActivity(21, 123456, 99999)),
                List.of(new CallAnalytics.RoiBucket("<1%", 10, 100, 1, new BigDecimal("1.00")),
                        new CallAnalytics.RoiBucket(">=5%", 5, 50, 25, new BigDecimal("50.00"))),
                HEALTH.asMap());
    }

    @Test
    void everyLineFitsAPhoneAndFiguresAreRightAligned() {
        String text = StatsLayout.render(report(), Texts.ENGLISH);
        List<String> lines = text.lines().toList();
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(StatsLayout.WIDTH));
        assertThat(lines).contains("Calls, last 7d", "Calls                      1,234", "Notified                  45,678",
                "Conversion                 5.13%", "Profit reported        -1,234.50", "CLV (40 calls)            +1.25%",
                "Sport               Calls   Conv", "basketball_nba_an…  1,000   5.0%", "soccer                234      -",
                "DraftKings/FanDuel    120  12.3%", "07                     12      3",
                "21                   123k 99,999", "Oldest unwritten              2m", "Journaled                     12");
        assertThat(lines.stream().filter(l -> l.length() == StatsLayout.WIDTH && Character.isDigit(l.charAt(l.length() - 1))))
                .as("figures end in the last column").hasSizeGreaterThan(8);
    }

    @Test
    void aLongSportNameAndHugeProfitsAreCutToTheWidth() {
        StatsReport r = report();
        StatsReport wide = new StatsReport(r.period(), "s".repeat(64), r.from(), r.to(),
                new CallAnalytics.Summary(1, 1, 1, BigDecimal.ONE, 1, new BigDecimal("-123456789012.25"), 0, null),
                r.bySport(), r.topBookPairs(), r.byHourUtc(), r.byRoi(), r.logger());
        List<String> lines = StatsLayout.render(wide, Texts.ENGLISH).lines().toList();
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(StatsLayout.WIDTH))
                .contains("Sport: " + "s".repeat(24) + "…", "Profit repo… -123,456,789,012.25");
    }

    @Test
    void frenchUsesItsWordsAndNumberFormat() {
        List<String> lines = StatsLayout.render(report(), Texts.FRENCH).lines().toList();
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(StatsLayout.WIDTH));
        assertThat(lines).contains("Alertes, derniers 7d", "Alertes                    1 234", "Conversion                 5,13%",
                "Profit déclaré         -1 234,50", "Journal des alertes", "Perdus                         0");
    }

    @Test
    void anEmptyPeriodSaysSoAndStillShowsTheLogger() {
        StatsReport empty = new StatsReport("24h", "NBA", Instant.EPOCH, Instant.EPOCH.plusSeconds(1),
                new CallAnalytics.Summary(0, 0, 0, null, 0, null, 0, null), List.of(), List.of(), List.of(), List.of(),
                HEALTH.asMap());
        assertThat(StatsLayout.render(empty, Texts.ENGLISH)).isEqualTo("""
                Calls, last 24h
                Sport: NBA
                No calls in this period.

                Call logger
                Queue                          3
                Journaled                     12
                Dropped                        0
                Oldest unwritten              2m""");
    }

    @Test
    void bothBundlesHaveEveryKeyAndEachFormats() throws Exception {
        java.util.Properties en = new java.util.Properties();
        java.util.Properties fr = new java.util.Properties();
        try (var a = getClass().getResourceAsStream("/i18n/stats.properties");
                var b = getClass().getResourceAsStream("/i18n/stats_fr.properties")) {
            en.load(new java.io.InputStreamReader(a, java.nio.charset.StandardCharsets.UTF_8));
            fr.load(new java.io.InputStreamReader(b, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(fr.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            assertThat(StatsLayout.text(Texts.ENGLISH, key, 1, 2)).doesNotContain("{0}", "{1}");
            assertThat(StatsLayout.text(Texts.FRENCH, key, 1, 2)).doesNotContain("{0}", "{1}", "''");
        }
    }
}
