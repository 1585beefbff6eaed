package com.arbalert.calllogger;

import com.arbalert.bot.spi.CallRecord;
import com.arbalert.bot.spi.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What /stats and GET /v1/stats ask for: a period back from now ({@code 24h}, {@code 7d},
 * {@code 4w}; 30 days by default) and optionally one sport (matched case-insensitively).
 *
 * @param period as written, normalised to lower case ({@code 7d})
 */
public record StatsArguments(String period, Duration length, String sport) {
    public static final String DEFAULT_PERIOD = "30d";
    /** Ten years: beyond any retention, and small enough for DATETIME arithmetic. */
    static final Duration LONGEST = Duration.ofDays(3650);
    private static final Pattern PERIOD = Pattern.compile("(\\d{1,6})([hdw])");

    /** Command words: {@code [period] [sport...]}; a first word that is not a period is the sport. */
    public static StatsArguments parse(List<String> args) {
        if (args.isEmpty()) {
            return of(null, null);
        }
        String first = args.get(0);
        boolean periodLike = !first.isEmpty() && Character.isDigit(first.charAt(0));
        List<String> sportWords = periodLike ? args.subList(1, args.size()) : args;
        return of(periodLike ? first : null, sportWords.isEmpty() ? null : String.join(" ", sportWords));
    }

    /**
     * @param period null for the default
     * @param sport null or blank for every sport
     * @throws InvalidInputException naming the bad parameter
     */
    public static StatsArguments of(String period, String sport) {
        String p = period == null || period.isBlank() ? DEFAULT_PERIOD : period.strip().toLowerCase(Locale.ROOT);
        Matcher m = PERIOD.matcher(p);
        if (!m.matches()) {
            throw new InvalidInputException("period", "must be a number followed by h, d or w (24h, 7d, 4w), got \""
                    + period + "\"");
        }
        long n = Long.parseLong(m.group(1));
        Duration length = switch (m.group(2)) {
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
        if (length.isZero() || length.compareTo(LONGEST) > 0) {
            throw new InvalidInputException("period", "must be between 1h and " + LONGEST.toDays() + "d, got " + p);
        }
        String s = sport == null || sport.isBlank() ? null : sport.strip();
        if (s != null && (s.length() > CallRecord.SPORT_MAX || s.chars().anyMatch(Character::isISOControl))) {
            throw new InvalidInputException("sport", "must be at most " + CallRecord.SPORT_MAX
                    + " printable characters");
        }
        return new StatsArguments(p, length, s);
    }

    /** The calls sent in the last {@link #length()} before {@code now}; the column's collation ignores case. */
    public StatsPeriod periodEndingAt(Instant now) {
        return new StatsPeriod(now.minus(length), now, sport);
    }
}
