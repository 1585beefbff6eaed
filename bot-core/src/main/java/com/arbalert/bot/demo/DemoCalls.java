package com.arbalert.bot.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Thirty calls as a scanner would post them: arbitrages whose stakes really lock a profit at the
 * quoted American odds, middles on two total lines, and one-book value bets, over several sports
 * and bookmakers. The matches have already been played, so questionnaires come at once.
 */
final class DemoCalls {
    private static final String[][] MATCHES = {
        {"NBA", "Boston Celtics", "Los Angeles Lakers"},
        {"NBA", "Denver Nuggets", "Miami Heat"},
        {"NHL", "Toronto Maple Leafs", "Montréal Canadiens"},
        {"Soccer", "Paris Saint-Germain", "Olympique de Marseille"},
        {"Soccer", "Arsenal", "Chelsea"},
        {"Tennis", "C. Alcaraz", "J. Sinner"},
        {"MLB", "New York Yankees", "Boston Red Sox"},
        {"NFL", "Kansas City Chiefs", "Buffalo Bills"},
    };
    private static final String[] BOOKS = {"DraftKings", "FanDuel", "BetMGM", "Caesars", "Pinnacle", "bet365", "Unibet"};
    private static final BigDecimal TOTAL_STAKE = new BigDecimal("1000");

    private DemoCalls() {
    }

    /** The JSON bodies of POST /v1/calls, as maps. */
    static List<Map<String, Object>> generate(Random random, Instant now, int count) {
        List<Map<String, Object>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] match = MATCHES[random.nextInt(MATCHES.length)];
            Instant matchDate = now.minus(4, ChronoUnit.HOURS).minus(random.nextInt(120), ChronoUnit.MINUTES)
                    .truncatedTo(ChronoUnit.MINUTES);
            int a = random.nextInt(BOOKS.length);
            int b = (a + 1 + random.nextInt(BOOKS.length - 1)) % BOOKS.length;
            Map<String, Object> call = new LinkedHashMap<>();
            call.put("sport", match[0]);
            call.put("team_a", match[1]);
            call.put("team_b", match[2]);
            call.put("match_date", matchDate.toString());
            call.put("book_a", BOOKS[a]);
            switch (i % 3) {
                case 0 -> arbitrage(random, call, BOOKS[b]);
                case 1 -> middle(random, call, BOOKS[b]);
                default -> goodOdds(random, call);
            }
            calls.add(call);
        }
        return calls;
    }

    private static void arbitrage(Random random, Map<String, Object> call, String bookB) {
        double targetRoi = 0.01 + random.nextDouble() * 0.04;
        double decimalA = 1.85 + random.nextDouble() * 0.5;
        double decimalB = 1 / (1 / (1 + targetRoi) - 1 / decimalA);
        int americanA = american(decimalA);
        int americanB = american(decimalB);
        BigDecimal da = decimal(americanA);
        BigDecimal db = decimal(americanB);
        // stakes in proportion to the inverse odds, so both outcomes return the same
        BigDecimal inverseA = BigDecimal.ONE.divide(da, 10, RoundingMode.HALF_EVEN);
        BigDecimal inverseB = BigDecimal.ONE.divide(db, 10, RoundingMode.HALF_EVEN);
        BigDecimal stakeA = TOTAL_STAKE.multiply(inverseA).divide(inverseA.add(inverseB), 2, RoundingMode.HALF_EVEN);
        BigDecimal stakeB = TOTAL_STAKE.subtract(stakeA);
        BigDecimal profit = stakeA.multiply(da).min(stakeB.multiply(db)).subtract(TOTAL_STAKE).setScale(2, RoundingMode.HALF_EVEN);
        call.put("call_type", "arbitrage");
        call.put("book_b", bookB);
        call.put("market", "moneyline");
        call.put("odds_a", americanA);
        call.put("odds_b", americanB);
        call.put("roi_percent", profit.multiply(BigDecimal.valueOf(100)).divide(TOTAL_STAKE, 3, RoundingMode.HALF_EVEN));
        call.put("stake_a", stakeA);
        call.put("stake_b", stakeB);
        call.put("profit_expected", profit);
    }

    private static void middle(Random random, Map<String, Object> call, String bookB) {
        double line = 4.5 + random.nextInt(4);
        call.put("call_type", "middle");
        call.put("book_b", bookB);
        call.put("market", "total over " + line + " / under " + (line + 1));
        call.put("odds_a", -105 - random.nextInt(10));
        call.put("odds_b", -105 - random.nextInt(10));
        BigDecimal roi = BigDecimal.valueOf(0.5 + random.nextDouble() * 3.5).setScale(3, RoundingMode.HALF_EVEN);
        call.put("roi_percent", roi);
        call.put("stake_a", new BigDecimal("500.00"));
        call.put("stake_b", new BigDecimal("500.00"));
        call.put("profit_expected", TOTAL_STAKE.multiply(roi).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_EVEN));
    }

    private static void goodOdds(Random random, Map<String, Object> call) {
        int odds = 120 + 5 * random.nextInt(30);
        BigDecimal roi = BigDecimal.valueOf(2 + random.nextDouble() * 8).setScale(3, RoundingMode.HALF_EVEN);
        BigDecimal stake = new BigDecimal("200.00");
        call.put("call_type", "good_odds");
        call.put("market", "moneyline");
        call.put("odds_a", odds);
        call.put("roi_percent", roi);
        call.put("stake_a", stake);
        call.put("profit_expected", stake.multiply(roi).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_EVEN));
    }

    static int american(double decimal) {
        return decimal >= 2 ? (int) Math.round((decimal - 1) * 100) : (int) -Math.round(100 / (decimal - 1));
    }

    static BigDecimal decimal(int american) {
        BigDecimal hundred = BigDecimal.valueOf(100);
        return american > 0
                ? BigDecimal.ONE.add(BigDecimal.valueOf(american).divide(hundred, 10, RoundingMode.HALF_EVEN))
                : BigDecimal.ONE.add(hundred.divide(BigDecimal.valueOf(-american), 10, RoundingMode.HALF_EVEN));
    }
}
