package io.roster.filter.entity;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Printing helpers shared by the {@code toString()} of the filter records. */
final class Syntax {

    private Syntax() {
    }

    static String group(Filter filter, boolean parenthesize) {
        return parenthesize ? "(" + filter + ")" : filter.toString();
    }

    static String literal(JsonValue value) {
        if (value instanceof JsonString string) {
            return quote(string.getString());
        }
        if (value instanceof JsonNumber number) {
            return number.bigDecimalValue().toString();
        }
        return value.toString();
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
