package com.arbalert.bot.questionnaire;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in configuration: "30m", "48h", "2.5h", "90s", "1d". */
final class DurationText {
    private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)");

    private DurationText() {
    }

    /**
     * @throws IllegalArgumentException with the accepted form, for anything else or a zero value;
     *     the message leaves out the key, which the config binder puts in front
     */
    static Duration parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("must be a duration such as 90s, 30m, 2.5h or 1d, got: " + text);
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        long unitMillis = switch (m.group(2)) {
            case "ms" -> 1L;
            case "s" -> 1_000L;
            case "m" -> 60_000L;
            case "h" -> 3_600_000L;
            default -> 86_400_000L;
        };
        long millis = amount.multiply(BigDecimal.valueOf(unitMillis)).longValue();
        if (millis <= 0) {
            throw new IllegalArgumentException("must be positive, got: " + text);
        }
        return Duration.ofMillis(millis);
    }

    /** The shortest exact form: 2.5h is written "150m", 48h "48h". */
    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 86_400_000L == 0) {
            return ms / 86_400_000L + "d";
        }
        if (ms % 3_600_000L == 0) {
            return ms / 3_600_000L + "h";
        }
        if (ms % 60_000L == 0) {
            return ms / 60_000L + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
