package io.roster.filter.entity;

import java.util.Locale;
import java.util.Optional;

/** The attribute operators of RFC 7644 §3.4.2.2, Table 3 ({@code pr} is {@link Present}). */
public enum Operator {
    EQ, NE, CO, SW, EW, GT, GE, LT, LE;

    private final String token = name().toLowerCase(Locale.ROOT);

    /** The lower-case filter keyword, e.g. {@code "eq"}. */
    public String token() {
        return token;
    }

    /** Case-insensitive lookup of a filter keyword; empty for anything that is not a comparison operator. */
    public static Optional<Operator> lookup(String token) {
        if (token == null) {
            return Optional.empty();
        }
        for (Operator op : values()) {
            if (op.token.equalsIgnoreCase(token)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
