package com.arbalert.calllogger;

import com.arbalert.bot.i18n.Texts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * /stats as a monospace block for a phone: at most {@link #WIDTH} characters a line, labels on
 * the left, figures right-aligned in columns, short headings, in the admin's language.
 */
public final class StatsLayout {
    public static final String BUNDLE = "stats";
    public static final int WIDTH = 32;
    private static final int NUMBER = 6;

    private final Locale locale;
    private final StringBuilder out = new StringBuilder();

    private StatsLayout(Locale locale) {
        this.locale = locale;
    }

    public static String render(StatsReport r, Locale locale) {
        return new StatsLayout(locale).all(r);
    }

    /** Only the logger's figures, for when the database cannot answer. */
    public static String renderHealth(LoggerHealth health, Locale locale) {
        StatsLayout layout = new StatsLayout(locale);
        layout.logger(health.asMap());
        return layout.out.toString().strip();
    }

    static String text(Locale locale, String key, Object... args) {
        return Texts.get(BUNDLE, locale, key, args);
    }

    private String all(StatsReport r) {
        line(text(locale, "header", r.period()));
        if (r.sport() != null) {
            line(fit(text(locale, "sport", r.sport()), WIDTH));
        }
        CallAnalytics.Summary s = r.summary();
        if (s.calls() == 0) {
            line(text(locale, "empty"));
        } else {
            pair("summary.calls", whole(s.calls()));
            pair("summary.notified", whole(s.notified()));
            pair("summary.clicked", whole(s.clicked()));
            pair("summary.conversion", percent(s.conversionPercent()));
            pair("summary.results", whole(s.callsWithResult()));
            pair("summary.profit", s.reportedProfit() == null ? "-" : signed(s.reportedProfit(), 2));
            if (s.callsWithClv() > 0) {
                labelled(text(locale, "summary.clv", s.callsWithClv()), signed(s.clvPercent(), 2) + "%");
            }
            heading("sport.heading", "col.calls", "col.conv");
            r.bySport().forEach(x -> row(x.sport(), cell(x.calls()), percent1(x.conversionPercent())));
            heading("pairs.heading", "col.calls", "col.conv");
            if (r.topBookPairs().isEmpty()) {
                line(text(locale, "pairs.none", StatsReporter.PAIR_MIN_CALLS));
            }
            r.topBookPairs().forEach(x -> row(x.bookA() + (x.bookB() == null ? "" : "/" + x.bookB()), cell(x.calls()),
                    percent1(x.conversionPercent())));
            heading("hour.heading", "col.calls", "col.clicks");
            r.byHourUtc().forEach(x -> row(String.format(Locale.ROOT, "%02d", x.hourUtc()), cell(x.calls()),
                    cell(x.clicks())));
            heading("roi.heading", "col.calls", "col.conv");
            r.byRoi().forEach(x -> row(x.bucket(), cell(x.calls()), percent1(x.conversionPercent())));
        }
        logger(r.logger());
        return out.toString().stripTrailing();
    }

    private void logger(Map<String, Object> h) {
        out.append('\n');
        line(text(locale, "logger.heading"));
        pair("logger.queue", whole(((Number) h.get("queueDepth")).longValue()));
        pair("logger.journaled", whole(((Number) h.get("journaled")).longValue()));
        pair("logger.dropped", whole(((Number) h.get("dropped")).longValue()));
        pair("logger.oldest", age(Duration.ofMillis(((Number) h.get("oldestUnwrittenMillis")).longValue())));
    }

    private void heading(String label, String... columns) {
        out.append('\n');
        String[] cells = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            cells[i] = text(locale, columns[i]);
        }
        row(text(locale, label), cells);
    }

    /** A label and figures in columns of {@link #NUMBER} characters, right-aligned. */
    private void row(String label, String... cells) {
        int labelWidth = WIDTH - cells.length * (NUMBER + 1);
        StringBuilder b = new StringBuilder(fit(label, labelWidth));
        b.append(" ".repeat(labelWidth - b.length()));
        for (String cell : cells) {
            b.append(' ').append(" ".repeat(Math.max(0, NUMBER - cell.length()))).append(cell);
        }
        line(b.toString());
    }

    private void pair(String key, String value) {
        labelled(text(locale, key), value);
    }

    private void labelled(String label, String value) {
        int room = WIDTH - value.length() - 1;
        String l = fit(label, room);
        line(l + " ".repeat(WIDTH - l.length() - value.length()) + value);
    }

    private void line(String s) {
        out.append(s).append('\n');
    }

    /** Cuts a label that does not fit, marking the cut with an ellipsis. */
    static String fit(String s, int width) {
        return s.length() <= width ? s : s.substring(0, Math.max(0, width - 1)) + "…";
    }

    private String whole(long n) {
        return format("#,##0", 0).format(n);
    }

    /** A count in a table column: whole when it fits, else in thousands or millions (123k, 4.5M). */
    private String cell(long n) {
        String s = whole(n);
        if (s.length() <= NUMBER) {
            return s;
        }
        return n < 1_000_000 ? whole(n / 1000) + "k"
                : format("0.0", 1).format(BigDecimal.valueOf(n).movePointLeft(6).setScale(1, RoundingMode.DOWN)) + "M";
    }

    private String percent(BigDecimal p) {
        return p == null ? "-" : format("0.00", 2).format(p) + "%";
    }

    /** Tables have one decimal, to keep columns narrow. */
    private String percent1(BigDecimal p) {
        return p == null ? "-" : format("0.0", 1).format(p.setScale(1, RoundingMode.HALF_UP)) + "%";
    }

    private String signed(BigDecimal v, int decimals) {
        return (v.signum() > 0 ? "+" : "") + format(decimals == 0 ? "#,##0" : "#,##0.00", decimals).format(v);
    }

    private DecimalFormat format(String pattern, int decimals) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        if (Texts.FRENCH.getLanguage().equals(locale.getLanguage())) {
            // a plain space: the narrow no-break space French uses is not one column wide everywhere
            symbols.setGroupingSeparator(' ');
            symbols.setDecimalSeparator(',');
        }
        DecimalFormat f = new DecimalFormat(pattern, symbols);
        f.setRoundingMode(RoundingMode.HALF_UP);
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        return f;
    }

    static String age(Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            return s + "s";
        }
        return s < 7200 ? d.toMinutes() + "m" : d.toHours() + "h";
    }
}
