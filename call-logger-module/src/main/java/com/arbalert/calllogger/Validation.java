package com.arbalert.calllogger;

import com.arbalert.bot.spi.CallRecord;
import com.arbalert.bot.spi.InvalidInputException;
import com.arbalert.bot.spi.OddsFormat;
import java.math.BigDecimal;
import java.time.Instant;

/** The checks made at the call, so nothing that the database would refuse ever enters the queue. */
final class Validation {
    /** DATETIME holds years 1000..9999; anything outside 1970..9999 is a bug upstream. */
    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal AMERICAN_MAX = BigDecimal.valueOf(100_000);
    private static final BigDecimal DECIMAL_MIN = new BigDecimal("1.01");
    private static final BigDecimal DECIMAL_MAX = BigDecimal.valueOf(1000);

    private Validation() {
    }

    static void callId(long callId) {
        if (callId <= 0) {
            throw new InvalidInputException("call_id", "must be positive, got " + callId);
        }
    }

    static void userId(long userId) {
        if (userId <= 0) {
            throw new InvalidInputException("user_id", "must be positive, got " + userId);
        }
    }

    static void storableTime(String field, Instant at) {
        if (at == null) {
            throw new InvalidInputException(field, "is required");
        }
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            throw new InvalidInputException(field, "must be between 1970 and 9999, got " + at);
        }
    }

    /** The profit's own bounds always; the ±10× stakes bound when the call is known. */
    static void profit(BigDecimal profit, CallRecord call) {
        if (profit == null) {
            throw new InvalidInputException("profit", "is required");
        }
        if (profit.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("profit", "has at most 2 decimals, got " + profit.toPlainString());
        }
        if (profit.abs().compareTo(CallLogger.PROFIT_COLUMN_MAX) > 0) {
            throw new InvalidInputException("profit", "must be within ±" + CallLogger.PROFIT_COLUMN_MAX.toPlainString()
                    + ", got " + profit.toPlainString());
        }
        if (call != null) {
            BigDecimal bound = call.totalStake().multiply(CallRecord.PROFIT_STAKE_FACTOR);
            if (profit.abs().compareTo(bound) > 0) {
                throw new InvalidInputException("profit", "must be within ±" + bound.toPlainString()
                        + " (10 times the stakes), got " + profit.toPlainString());
            }
        }
    }

    /** Checked in the call's format when the call is known, else it must be valid odds in some format. */
    static void closingOdds(CallRecord call, BigDecimal closingA, BigDecimal closingB) {
        if (closingA == null) {
            throw new InvalidInputException("closing_a", "is required");
        }
        if (call != null) {
            odds("closing_a", closingA, call.oddsFormat());
            if (call.bookB() == null) {
                if (closingB != null) {
                    throw new InvalidInputException("closing_b", "must be absent for a call with one book");
                }
            } else if (closingB == null) {
                throw new InvalidInputException("closing_b", "is required for a call with two books");
            } else {
                odds("closing_b", closingB, call.oddsFormat());
            }
            return;
        }
        anyFormat("closing_a", closingA);
        if (closingB != null) {
            anyFormat("closing_b", closingB);
        }
    }

    private static void anyFormat(String field, BigDecimal odds) {
        if (oddsError(odds, OddsFormat.AMERICAN) != null && oddsError(odds, OddsFormat.DECIMAL) != null) {
            throw new InvalidInputException(field, "is neither American nor decimal odds: " + odds.toPlainString());
        }
    }

    private static void odds(String field, BigDecimal odds, OddsFormat format) {
        String error = oddsError(odds, format);
        if (error != null) {
            throw new InvalidInputException(field, error);
        }
    }

    private static String oddsError(BigDecimal odds, OddsFormat format) {
        if (format == OddsFormat.AMERICAN) {
            if (odds.abs().compareTo(HUNDRED) < 0 || odds.abs().compareTo(AMERICAN_MAX) > 0
                    || odds.stripTrailingZeros().scale() > 0) {
                return "American odds must be whole numbers in -100000..-100 or +100..+100000, got " + odds.toPlainString();
            }
        } else if (odds.compareTo(DECIMAL_MIN) < 0 || odds.compareTo(DECIMAL_MAX) > 0
                || odds.stripTrailingZeros().scale() > 3) {
            return "decimal odds must be 1.01..1000 with at most 3 decimals, got " + odds.toPlainString();
        }
        return null;
    }
}
