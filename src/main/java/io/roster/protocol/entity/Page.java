package io.roster.protocol.entity;

/**
 * The page a list request asks for (RFC 7644 §3.4.2.4): {@code startIndex} is 1-based and values below 1 mean 1;
 * {@code count} below 0 means 0, and is capped at the server's maximum page size.
 */
public record Page(int startIndex, int count) {

    public static Page of(String startIndex, String count, int maxResults) {
        int start = Math.max(1, parse(startIndex, 1, "startIndex"));
        int size = Math.min(maxResults, Math.max(0, parse(count, maxResults, "count")));
        return new Page(start, size);
    }

    public int offset() {
        return startIndex - 1;
    }

    private static int parse(String text, int fallback, String name) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.trim());
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
        } catch (NumberFormatException e) {
            throw ScimException.invalidValue("'" + name + "' must be an integer, not \"" + abbreviate(text) + "\"");
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
