package io.roster.audit.entity;

import java.time.Instant;

/**
 * A search of the provisioning log: every criterion may be null (no restriction). {@code statusFrom} and
 * {@code statusTo} bound the status inclusively (a class such as 4xx is 400–499). {@code before} continues a
 * listing after the last entry of the previous page. Results are newest first.
 */
public record LogQuery(String realm, Instant from, Instant to, String serviceAccount, String method,
        String resourceType, Integer statusFrom, Integer statusTo, String resourceId, Cursor before, int limit) {

    /** Where a page ended: the time and id of its last (oldest) entry. */
    public record Cursor(Instant time, long id) {

        public static Cursor after(LogEntry entry) {
            return new Cursor(entry.time(), entry.id());
        }

        /** The cursor as it travels in a URL: {@code <epoch millis>.<id>}. */
        public String text() {
            return time.toEpochMilli() + "." + id;
        }

        /** @throws IllegalArgumentException if {@code text} is not a cursor */
        public static Cursor parse(String text) {
            String[] parts = text.split("\\.");
            if (parts.length != 2) {
                throw new IllegalArgumentException("not a cursor");
            }
            return new Cursor(Instant.ofEpochMilli(Long.parseLong(parts[0])), Long.parseLong(parts[1]));
        }
    }
}
