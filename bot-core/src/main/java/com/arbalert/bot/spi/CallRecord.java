package com.arbalert.bot.spi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A call as the scanner produced it and the bot sent it, under the original's field names.
 * An instance is always valid: the constructor refuses bad input with an
 * {@link InvalidInputException} naming every bad field, so nothing invalid reaches a queue.
 *
 * @param callId 0 until the bot assigns one from {@link CallIds}
 * @param bookB null (with oddsB and stakeB) only for a one-book good-odds call
 * @param oddsA as the scanner gives them: American (-110, +105) or decimal, see {@code oddsFormat}
 * @param sentAt when the bot sent (or planned to send) the alert, UTC
 */
public record CallRecord(
        long callId,
        CallType callType,
        String sport,
        String teamA,
        String teamB,
        Instant matchDate,
        String bookA,
        String bookB,
        String market,
        OddsFormat oddsFormat,
        BigDecimal oddsA,
        BigDecimal oddsB,
        BigDecimal roiPercent,
        BigDecimal stakeA,
        BigDecimal stakeB,
        BigDecimal profitExpected,
        Instant sentAt,
        int usersNotified) {

    public static final int SPORT_MAX = 64;
    public static final int TEAM_MAX = 128;
    public static final int BOOK_MAX = 64;
    public static final int MARKET_MAX = 128;
    public static final BigDecimal MONEY_MAX = new BigDecimal("1000000000");
    /** A reported or expected profit beyond this many times the total stake is absurd. */
    public static final BigDecimal PROFIT_STAKE_FACTOR = BigDecimal.TEN;

    public CallRecord {
        List<FieldError> errors = new ArrayList<>();
        if (callId < 0) {
            errors.add(new FieldError("call_id", "must not be negative"));
        }
        if (callType == null) {
            errors.add(new FieldError("call_type", "is required (arbitrage, middle or good_odds)"));
        }
        sport = text(errors, "sport", sport, SPORT_MAX, true);
        teamA = text(errors, "team_a", teamA, TEAM_MAX, true);
        teamB = text(errors, "team_b", teamB, TEAM_MAX, true);
        if (matchDate == null) {
            errors.add(new FieldError("match_date", "is required"));
        }
        bookA = text(errors, "book_a", bookA, BOOK_MAX, true);
        bookB = text(errors, "book_b", bookB, BOOK_MAX, false);
        market = text(errors, "market", market, MARKET_MAX, true);
        if (oddsFormat == null) {
            oddsFormat = OddsFormat.AMERICAN;
        }
        odds(errors, "odds_a", oddsA, oddsFormat, true);
        boolean twoBooks = callType != CallType.GOOD_ODDS;
        if (twoBooks && bookB == null && callType != null) {
            errors.add(new FieldError("book_b", "is required for a " + callType.code() + " call"));
        }
        boolean hasB = bookB != null;
        if (hasB) {
            odds(errors, "odds_b", oddsB, oddsFormat, true);
        } else if (oddsB != null) {
            errors.add(new FieldError("odds_b", "must be absent when book_b is absent"));
        }
        if (roiPercent == null) {
            errors.add(new FieldError("roi_percent", "is required"));
        } else if (roiPercent.compareTo(new BigDecimal("-100")) <= 0 || roiPercent.compareTo(new BigDecimal("1000")) > 0) {
            errors.add(new FieldError("roi_percent", "must be above -100 and at most 1000, got " + roiPercent.toPlainString()));
        }
        money(errors, "stake_a", stakeA, true);
        if (hasB) {
            money(errors, "stake_b", stakeB, true);
        } else if (stakeB != null && stakeB.signum() != 0) {
            errors.add(new FieldError("stake_b", "must be absent when book_b is absent"));
        }
        if (profitExpected == null) {
            errors.add(new FieldError("profit_expected", "is required"));
        } else if (stakeA != null && stakeA.signum() >= 0) {
            BigDecimal bound = totalStake(stakeA, stakeB).multiply(PROFIT_STAKE_FACTOR);
            if (profitExpected.abs().compareTo(bound) > 0) {
                errors.add(new FieldError("profit_expected", "must be within ±" + bound.toPlainString()
                        + " (10 times the stakes), got " + profitExpected.toPlainString()));
            }
        }
        if (sentAt == null) {
            sentAt = Instant.EPOCH;
        }
        if (usersNotified < 0) {
            errors.add(new FieldError("users_notified", "must not be negative"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public CallRecord withCallId(long id) {
        return new CallRecord(id, callType, sport, teamA, teamB, matchDate, bookA, bookB, market, oddsFormat,
                oddsA, oddsB, roiPercent, stakeA, stakeB, profitExpected, sentAt, usersNotified);
    }

    public CallRecord withSent(Instant at, int notified) {
        return new CallRecord(callId, callType, sport, teamA, teamB, matchDate, bookA, bookB, market, oddsFormat,
                oddsA, oddsB, roiPercent, stakeA, stakeB, profitExpected, at, notified);
    }

    /** stake_a + stake_b (stake_b counts 0 when absent). */
    public BigDecimal totalStake() {
        return totalStake(stakeA, stakeB);
    }

    public BigDecimal decimalOddsA() {
        return toDecimal(oddsA, oddsFormat);
    }

    /** Null for a one-book call. */
    public BigDecimal decimalOddsB() {
        return oddsB == null ? null : toDecimal(oddsB, oddsFormat);
    }

    /** -110 gives 1.9091, +105 gives 2.0500; decimal odds are returned as they are. */
    public static BigDecimal toDecimal(BigDecimal odds, OddsFormat format) {
        if (format == OddsFormat.DECIMAL) {
            return odds;
        }
        BigDecimal hundred = BigDecimal.valueOf(100);
        if (odds.signum() > 0) {
            return BigDecimal.ONE.add(odds.divide(hundred, 6, RoundingMode.HALF_EVEN)).setScale(4, RoundingMode.HALF_EVEN);
        }
        return BigDecimal.ONE.add(hundred.divide(odds.negate(), 6, RoundingMode.HALF_EVEN)).setScale(4, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal totalStake(BigDecimal a, BigDecimal b) {
        BigDecimal total = a == null ? BigDecimal.ZERO : a;
        return b == null ? total : total.add(b);
    }

    private static String text(List<FieldError> errors, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        String v = value.strip();
        int length = v.codePointCount(0, v.length());
        if (length > max) {
            errors.add(new FieldError(field, "is " + length + " characters long, at most " + max + " allowed"));
        }
        for (int i = 0; i < v.length(); i++) {
            if (Character.isISOControl(v.charAt(i))) {
                errors.add(new FieldError(field, "must not contain control characters"));
                break;
            }
        }
        return v;
    }

    private static void odds(List<FieldError> errors, String field, BigDecimal odds, OddsFormat format, boolean required) {
        if (odds == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return;
        }
        if (format == OddsFormat.AMERICAN) {
            if (odds.abs().compareTo(BigDecimal.valueOf(100)) < 0 || odds.abs().compareTo(BigDecimal.valueOf(100_000)) > 0) {
                errors.add(new FieldError(field, "American odds must be -100000..-100 or +100..+100000, got "
                        + odds.toPlainString() + " (decimal odds need odds_format=decimal)"));
            } else if (odds.stripTrailingZeros().scale() > 0) {
                errors.add(new FieldError(field, "American odds are whole numbers, got " + odds.toPlainString()));
            }
        } else if (odds.compareTo(new BigDecimal("1.01")) < 0 || odds.compareTo(BigDecimal.valueOf(1000)) > 0) {
            errors.add(new FieldError(field, "decimal odds must be 1.01..1000, got " + odds.toPlainString()));
        } else if (odds.stripTrailingZeros().scale() > 3) {
            errors.add(new FieldError(field, "decimal odds have at most 3 decimals, got " + odds.toPlainString()));
        }
    }

    private static void money(List<FieldError> errors, String field, BigDecimal value, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return;
        }
        if (value.signum() < 0 || value.compareTo(MONEY_MAX) > 0) {
            errors.add(new FieldError(field, "must be 0.." + MONEY_MAX.toPlainString() + ", got " + value.toPlainString()));
        } else if (value.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError(field, "has at most 2 decimals, got " + value.toPlainString()));
        }
    }

    /** A fluent way to build a record; {@link #build()} validates. */
    public static final class Builder {
        private long callId;
        private CallType callType;
        private String sport;
        private String teamA;
        private String teamB;
        private Instant matchDate;
        private String bookA;
        private String bookB;
        private String market;
        private OddsFormat oddsFormat = OddsFormat.AMERICAN;
        private BigDecimal oddsA;
        private BigDecimal oddsB;
        private BigDecimal roiPercent;
        private BigDecimal stakeA;
        private BigDecimal stakeB;
        private BigDecimal profitExpected;
        private Instant sentAt;
        private int usersNotified;
        private boolean roiNotFinite;

        private Builder() {
        }

        public Builder callId(long v) { this.callId = v; return this; }
        public Builder callType(CallType v) { this.callType = v; return this; }
        public Builder sport(String v) { this.sport = v; return this; }
        public Builder teamA(String v) { this.teamA = v; return this; }
        public Builder teamB(String v) { this.teamB = v; return this; }
        public Builder matchDate(Instant v) { this.matchDate = v; return this; }
        public Builder bookA(String v) { this.bookA = v; return this; }
        public Builder bookB(String v) { this.bookB = v; return this; }
        public Builder market(String v) { this.market = v; return this; }
        public Builder oddsFormat(OddsFormat v) { this.oddsFormat = v; return this; }
        public Builder oddsA(BigDecimal v) { this.oddsA = v; return this; }
        public Builder oddsB(BigDecimal v) { this.oddsB = v; return this; }
        public Builder oddsA(String v) { this.oddsA = new BigDecimal(v); return this; }
        public Builder oddsB(String v) { this.oddsB = new BigDecimal(v); return this; }
        public Builder roiPercent(BigDecimal v) { this.roiPercent = v; this.roiNotFinite = false; return this; }
        public Builder stakeA(BigDecimal v) { this.stakeA = v; return this; }
        public Builder stakeB(BigDecimal v) { this.stakeB = v; return this; }
        public Builder stakeA(String v) { this.stakeA = new BigDecimal(v); return this; }
        public Builder stakeB(String v) { this.stakeB = new BigDecimal(v); return this; }
        public Builder profitExpected(BigDecimal v) { this.profitExpected = v; return this; }
        public Builder profitExpected(String v) { this.profitExpected = new BigDecimal(v); return this; }
        public Builder sentAt(Instant v) { this.sentAt = v; return this; }
        public Builder usersNotified(int v) { this.usersNotified = v; return this; }

        /** Accepts a double as scanners compute it; NaN and infinities are refused at {@link #build()}. */
        public Builder roiPercent(double v) {
            if (Double.isFinite(v)) {
                this.roiPercent = BigDecimal.valueOf(v);
                this.roiNotFinite = false;
            } else {
                this.roiPercent = null;
                this.roiNotFinite = true;
            }
            return this;
        }

        public CallRecord build() {
            if (roiNotFinite) {
                throw new InvalidInputException("roi_percent", "must be a finite number, got NaN or infinity");
            }
            return new CallRecord(callId, callType, sport, teamA, teamB, matchDate, bookA, bookB, market, oddsFormat,
                    oddsA, oddsB, roiPercent, stakeA, stakeB, profitExpected, sentAt, usersNotified);
        }
    }
}
