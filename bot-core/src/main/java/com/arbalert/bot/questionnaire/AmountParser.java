package com.arbalert.bot.questionnaire;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a profit or loss as people type it: "18.75", "-5", "+12,50", "12.50$", "€12.50",
 * "12.50 €", "−5" (Unicode minus), "- 5 $". A dot or a comma followed by one or two digits is the
 * decimal separator. Thousands separators are refused rather than guessed: "1,234" could be
 * 1.234 or 1234, and "12,345,678" or "1.234,56" would need a guess too; the hint asks for the
 * amount without them. At most one sign and one currency mark ($, €, £, USD, EUR, GBP).
 */
public final class AmountParser {
    private static final String CURRENCY = "(?:[$€£]|usd|eur|gbp)";
    private static final Pattern AMOUNT = Pattern.compile(
            "([+-]?)\\s*(" + CURRENCY + ")?\\s*([+-]?)\\s*(\\d{1,12})(?:[.,](\\d{1,2}))?\\s*(" + CURRENCY + ")?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private AmountParser() {
    }

    /** The amount with two decimals, or empty when the text is not an amount as described above. */
    public static Optional<BigDecimal> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normalized = text.replace('\u2212', '-').replace('\u2013', '-')
                .replace('\u00a0', ' ').replace('\u202f', ' ').strip();
        Matcher m = AMOUNT.matcher(normalized);
        if (!m.matches()) {
            return Optional.empty();
        }
        boolean signBefore = !m.group(1).isEmpty();
        boolean signAfter = !m.group(3).isEmpty();
        if ((signBefore && signAfter) || (m.group(2) != null && m.group(6) != null)) {
            return Optional.empty();
        }
        String sign = signBefore ? m.group(1) : m.group(3);
        String decimals = m.group(5) == null ? "" : "." + m.group(5);
        BigDecimal amount = new BigDecimal(m.group(4) + decimals).setScale(2, RoundingMode.UNNECESSARY);
        return Optional.of("-".equals(sign) ? amount.negate() : amount);
    }
}
