package com.arbalert.bot.alerts;

import com.arbalert.bot.spi.CallRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * What makes two calls the same alert: the match (sport, teams, match date), the market, the books
 * and the odds. SHA-256 of those, normalised (case, spacing, 2.50 = 2.5), so it fits a unique key.
 */
final class CallFingerprint {

    private CallFingerprint() {
    }

    static byte[] of(CallRecord call) {
        String key = String.join("\u001f",
                norm(call.sport()), norm(call.teamA()), norm(call.teamB()),
                Long.toString(call.matchDate().toEpochMilli()), norm(call.market()),
                norm(call.bookA()), norm(call.bookB()), call.oddsFormat().name(),
                odds(call.oddsA()), odds(call.oddsB()));
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String norm(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String odds(BigDecimal odds) {
        return odds == null ? "" : odds.stripTrailingZeros().toPlainString();
    }
}
