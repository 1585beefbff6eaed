package com.arbalert.bot.alerts;

import static java.util.Objects.requireNonNull;

import com.arbalert.bot.spi.CallRecord;
import com.arbalert.bot.spi.CallType;
import com.arbalert.bot.spi.FieldError;
import com.arbalert.bot.spi.InvalidInputException;
import com.arbalert.bot.spi.OddsFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A call as scanners post it, under the original's field names. Strict: unknown fields, wrong
 * types and malformed JSON are refused with every problem named, so nothing is half-understood.
 */
public final class CallJson {
    static final Set<String> FIELDS = Set.of("call_type", "sport", "team_a", "team_b", "match_date", "book_a",
            "book_b", "market", "odds_a", "odds_b", "odds_format", "roi_percent", "stake_a", "stake_b",
            "profit_expected");

    private final ObjectReader reader;

    @Inject
    public CallJson(ObjectMapper mapper) {
        // decimals as BigDecimal: odds and money must not pass through double
        this.reader = requireNonNull(mapper, "mapper").reader()
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** @throws InvalidInputException naming each bad field ("body" when the JSON itself is bad) */
    public CallRecord parse(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : reader.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("body", "malformed JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("body", "must be a JSON object with the call's fields");
        }
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(name, "unknown field"));
            }
        }
        Fields f = new Fields(root, errors);
        CallType type = f.enumValue("call_type", CallType::fromCode);
        OddsFormat format = f.enumValue("odds_format", s -> OddsFormat.valueOf(s.trim().toUpperCase(Locale.ROOT)));
        CallRecord.Builder call = CallRecord.builder()
                .callType(type)
                .sport(f.text("sport"))
                .teamA(f.text("team_a"))
                .teamB(f.text("team_b"))
                .matchDate(f.instant("match_date"))
                .bookA(f.text("book_a"))
                .bookB(f.text("book_b"))
                .market(f.text("market"))
                .oddsFormat(format)
                .oddsA(f.number("odds_a"))
                .oddsB(f.number("odds_b"))
                .roiPercent(f.number("roi_percent"))
                .stakeA(f.number("stake_a"))
                .stakeB(f.number("stake_b"))
                .profitExpected(f.number("profit_expected"));
        try {
            CallRecord record = call.build();
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            return record;
        } catch (InvalidInputException e) {
            // the record's own checks, except for fields already refused for their type
            for (FieldError error : e.errors()) {
                if (!f.refused.contains(error.field()) && !errors.contains(error)) {
                    errors.add(error);
                }
            }
            throw new InvalidInputException(errors);
        }
    }

    /** Reads typed fields, noting each one refused for its type. */
    private static final class Fields {
        final JsonNode root;
        final List<FieldError> errors;
        final List<String> refused = new ArrayList<>();

        Fields(JsonNode root, List<FieldError> errors) {
            this.root = root;
            this.errors = errors;
        }

        String text(String name) {
            JsonNode v = root.get(name);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isTextual()) {
                refuse(name, "must be a string, got " + v.getNodeType().name().toLowerCase(Locale.ROOT));
                return null;
            }
            return v.asText();
        }

        BigDecimal number(String name) {
            JsonNode v = root.get(name);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isNumber()) {
                refuse(name, "must be a number, got " + v.getNodeType().name().toLowerCase(Locale.ROOT));
                return null;
            }
            return v.decimalValue();
        }

        Instant instant(String name) {
            String s = text(name);
            if (s == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(s.trim()).toInstant();
            } catch (DateTimeParseException e) {
                refuse(name, "must be an ISO-8601 date-time with an offset, such as 2026-11-24T19:30:00Z, got " + s);
                return null;
            }
        }

        <T> T enumValue(String name, java.util.function.Function<String, T> parse) {
            String s = text(name);
            if (s == null) {
                return null;
            }
            try {
                return parse.apply(s);
            } catch (IllegalArgumentException e) {
                refuse(name, "odds_format".equals(name) ? "must be american or decimal, got " + s : e.getMessage());
                return null;
            }
        }

        private void refuse(String name, String message) {
            refused.add(name);
            errors.add(new FieldError(name, message));
        }
    }
}
