package com.arbalert.bot.questionnaire;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How long a match of a sport usually lasts, to know when to ask how it went. Sport names are
 * matched case-insensitively after folding spaces and dashes to '_'; league names and the
 * odds feeds' keys map to their sport (NBA → basketball, icehockey_nhl → hockey, UFC → mma,
 * "football" → soccer: scanners name American football "american_football" or "NFL").
 * A sport not found gets the default length.
 */
public final class MatchLengths {
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("nba", "basketball"), Map.entry("wnba", "basketball"), Map.entry("ncaab", "basketball"),
            Map.entry("euroleague", "basketball"),
            Map.entry("nhl", "hockey"), Map.entry("ice_hockey", "hockey"), Map.entry("icehockey", "hockey"),
            Map.entry("khl", "hockey"),
            Map.entry("nfl", "american_football"), Map.entry("ncaaf", "american_football"),
            Map.entry("americanfootball", "american_football"), Map.entry("cfl", "american_football"),
            Map.entry("mlb", "baseball"),
            Map.entry("football", "soccer"), Map.entry("mls", "soccer"), Map.entry("epl", "soccer"),
            Map.entry("ufc", "mma"), Map.entry("mixed_martial_arts", "mma"),
            Map.entry("atp", "tennis"), Map.entry("wta", "tennis"));

    private final Map<String, Duration> lengths;
    private final Duration fallback;

    MatchLengths(Map<String, Duration> lengths, Duration fallback) {
        this.lengths = Map.copyOf(lengths);
        this.fallback = requireNonNull(fallback, "fallback");
    }

    /**
     * Parses "basketball=2.5h,hockey=2.5h,...".
     *
     * @throws IllegalArgumentException naming the bad entry
     */
    public static MatchLengths parse(String table, Duration fallback) {
        Map<String, Duration> lengths = new LinkedHashMap<>();
        for (String entry : table.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("entries are sport=duration (basketball=2.5h), got: " + entry.strip());
            }
            String sport = canonical(fold(entry.substring(0, eq)));
            try {
                lengths.put(sport, DurationText.parse(entry.substring(eq + 1)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the length of " + sport + " " + e.getMessage(), e);
            }
        }
        return new MatchLengths(lengths, fallback);
    }

    /** The usual length of a match of {@code sport} (a sport, a league or a feed key such as basketball_nba). */
    public Duration lengthOf(String sport) {
        String folded = fold(sport == null ? "" : sport);
        Duration exact = lengths.get(canonical(folded));
        if (exact != null) {
            return exact;
        }
        // "basketball_nba", "Soccer - EPL": the first word that names a known sport decides
        for (String word : folded.split("_")) {
            Duration d = lengths.get(canonical(word));
            if (d != null) {
                return d;
            }
        }
        return fallback;
    }

    Map<String, Duration> table() {
        return lengths;
    }

    private static String canonical(String folded) {
        return ALIASES.getOrDefault(folded, folded);
    }

    private static String fold(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\\-/.]+", "_").replaceAll("_+", "_");
    }
}
