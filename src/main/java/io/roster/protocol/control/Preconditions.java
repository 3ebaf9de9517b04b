package io.roster.protocol.control;

import io.roster.protocol.entity.ScimException;
import java.util.ArrayList;
import java.util.List;

/**
 * Conditional requests (RFC 7644 §3.14, RFC 7232) on SCIM's weak entity tags, {@code W/"<version>"}. Tags are
 * compared weakly, as RFC 7644 §3.14 does in its own examples ({@code If-Match: W/"e180ee84f0671b1"}), although
 * RFC 7232 compares If-Match strongly; JAX-RS' {@code Request.evaluatePreconditions} does the latter and so refuses
 * every weak tag, which is why Roster compares itself.
 */
public final class Preconditions {

    private Preconditions() {
    }

    /**
     * PUT, PATCH and DELETE with {@code If-Match}: 412 unless it lists the current version or {@code *}. Without the
     * header the request is unconditional.
     *
     * @param headers  the values of every If-Match header (none when the client sent none)
     * @param current  the resource's current entity tag, e.g. {@code W/"3"}
     * @param resource what the resource is, for the detail, e.g. {@code User 2819c223-…}
     */
    public static void checkIfMatch(List<String> headers, String current, String resource) {
        if (headers == null || headers.isEmpty() || matches(headers, current)) {
            return;
        }
        throw ScimException.preconditionFailed(resource + " has changed: its version is " + current
                + ", If-Match asked for " + String.join(", ", headers).trim()
                + "; read it again and retry (RFC 7644 §3.14)");
    }

    /** GET with {@code If-None-Match} listing the current version (or {@code *}): the answer is 304. */
    public static boolean notModified(List<String> headers, String current) {
        return headers != null && !headers.isEmpty() && matches(headers, current);
    }

    private static boolean matches(List<String> headers, String current) {
        String wanted = opaque(current);
        for (String header : headers) {
            for (String tag : tags(header)) {
                if (tag.equals("*") || opaque(tag).equals(wanted)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The entity tags of one header value: a comma-separated list in which commas may appear inside quotes. */
    static List<String> tags(String header) {
        List<String> tags = new ArrayList<>();
        StringBuilder tag = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                add(tags, tag);
            } else {
                tag.append(c);
            }
        }
        add(tags, tag);
        return tags;
    }

    private static void add(List<String> tags, StringBuilder tag) {
        String trimmed = tag.toString().trim();
        if (!trimmed.isEmpty()) {
            tags.add(trimmed);
        }
        tag.setLength(0);
    }

    /** The opaque part of a tag: without {@code W/} and quotes (weak comparison, RFC 7232 §2.3.2). */
    static String opaque(String tag) {
        String value = tag.trim();
        if (value.startsWith("W/") || value.startsWith("w/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return value;
    }
}
