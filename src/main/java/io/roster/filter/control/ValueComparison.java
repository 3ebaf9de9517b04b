package io.roster.filter.control;

import io.roster.filter.entity.Operator;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Compares one attribute value with one filter value under one operator (never {@code ne}, never null). */
final class ValueComparison {

    private ValueComparison() {
    }

    static boolean test(Operator op, JsonValue actual, JsonValue expected, boolean caseExact) {
        if (actual instanceof JsonString a && expected instanceof JsonString e) {
            return strings(op, a.getString(), e.getString(), caseExact);
        }
        if (actual instanceof JsonNumber a && expected instanceof JsonNumber e) {
            return ordered(op, a.bigDecimalValue().compareTo(e.bigDecimalValue()));
        }
        if (isBoolean(actual)) {
            Boolean wanted = asBoolean(expected);
            return op == Operator.EQ && wanted != null && wanted == (actual.getValueType() == JsonValue.ValueType.TRUE);
        }
        if (actual instanceof JsonString a && expected instanceof JsonNumber e) {
            // A legacy unquoted id such as "manager eq 123" is read as a number; ids are stored as strings.
            return op == Operator.EQ && a.getString().equals(e.bigDecimalValue().toString());
        }
        return false;
    }

    private static boolean strings(Operator op, String actual, String expected, boolean caseExact) {
        if (op == Operator.EQ || op == Operator.GT || op == Operator.GE || op == Operator.LT || op == Operator.LE) {
            Instant actualInstant = instant(actual);
            Instant expectedInstant = actualInstant == null ? null : instant(expected);
            if (expectedInstant != null) {
                return ordered(op, actualInstant.compareTo(expectedInstant));
            }
        }
        String a = caseExact ? actual : actual.toLowerCase(Locale.ROOT);
        String e = caseExact ? expected : expected.toLowerCase(Locale.ROOT);
        return switch (op) {
            case CO -> a.contains(e);
            case SW -> a.startsWith(e);
            case EW -> a.endsWith(e);
            default -> ordered(op, a.compareTo(e));
        };
    }

    private static boolean ordered(Operator op, int comparison) {
        return switch (op) {
            case EQ -> comparison == 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            default -> false;
        };
    }

    private static boolean isBoolean(JsonValue value) {
        return value.getValueType() == JsonValue.ValueType.TRUE || value.getValueType() == JsonValue.ValueType.FALSE;
    }

    /** A JSON boolean, or the strings "true"/"false" in any case (Entra sends {@code roles[primary eq "True"]}). */
    private static Boolean asBoolean(JsonValue value) {
        if (isBoolean(value)) {
            return value.getValueType() == JsonValue.ValueType.TRUE;
        }
        if (value instanceof JsonString s) {
            if (s.getString().equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (s.getString().equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
        }
        return null;
    }

    /** An xsd:dateTime with offset (RFC 7643 §2.3.5), or null for any other string. */
    private static Instant instant(String text) {
        if (text.length() < 20 || text.charAt(4) != '-' || text.charAt(10) != 'T') {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notDateTime) {
                return null;
            }
        }
    }
}
