package io.roster.admin.control;

import io.roster.admin.entity.AdminException;
import io.roster.audit.control.ScimRequestPath;
import io.roster.audit.entity.LogQuery;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * The provisioning log's query parameters: {@code from}, {@code to} (ISO-8601 instants, {@code to} exclusive),
 * {@code serviceAccount}, {@code method}, {@code resourceType} (User, Group, …; also "Users"), {@code status}
 * (a class such as {@code 4xx} or a code such as {@code 404}), {@code resourceId}, {@code limit} (1–1000, default
 * 100) and {@code before} (the {@code next} cursor of the previous page).
 */
public final class LogQueryParameters {

    public static final Set<String> NAMES = Set.of("from", "to", "serviceAccount", "method", "resourceType",
            "status", "resourceId", "limit", "before");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private LogQueryParameters() {
    }

    public static LogQuery parse(String realm, MultivaluedMap<String, String> parameters) {
        for (String name : parameters.keySet()) {
            if (!NAMES.contains(name)) {
                throw AdminException.badRequest("Unknown parameter '" + name + "'; the log is filtered by "
                        + NAMES.stream().sorted().toList());
            }
        }
        Instant from = Inputs.instant("from", parameters.getFirst("from"));
        Instant to = Inputs.instant("to", parameters.getFirst("to"));
        int[] status = status(parameters.getFirst("status"));
        return new LogQuery(realm, from, to, blankToNull(parameters.getFirst("serviceAccount")),
                method(parameters.getFirst("method")), resourceType(parameters.getFirst("resourceType")),
                status == null ? null : status[0], status == null ? null : status[1],
                blankToNull(parameters.getFirst("resourceId")), cursor(parameters.getFirst("before")),
                limit(parameters.getFirst("limit")));
    }

    private static String method(String text) {
        if (blankToNull(text) == null) {
            return null;
        }
        String method = text.trim().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw AdminException.badRequest("'method' must be one of " + METHODS.stream().sorted().toList());
        }
        return method;
    }

    private static String resourceType(String text) {
        if (blankToNull(text) == null) {
            return null;
        }
        String type = ScimRequestPath.normalType(text);
        if (type == null) {
            throw AdminException.badRequest("Unknown 'resourceType' \"" + Inputs.abbreviate(text)
                    + "\"; e.g. User, Group, Schema, ResourceType, ServiceProviderConfig");
        }
        return type;
    }

    /** The inclusive status range: {@code 4xx} is 400–499, {@code 404} is 404–404. */
    private static int[] status(String text) {
        if (blankToNull(text) == null) {
            return null;
        }
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.matches("[1-5]xx")) {
            int base = (value.charAt(0) - '0') * 100;
            return new int[] {base, base + 99};
        }
        if (value.matches("[1-5]\\d\\d")) {
            int code = Integer.parseInt(value);
            return new int[] {code, code};
        }
        throw AdminException.badRequest("'status' must be a class such as 2xx or 4xx, or a code such as 404");
    }

    private static LogQuery.Cursor cursor(String text) {
        if (blankToNull(text) == null) {
            return null;
        }
        try {
            return LogQuery.Cursor.parse(text.trim());
        } catch (IllegalArgumentException e) {
            throw AdminException.badRequest("'before' must be the 'next' cursor of a previous page");
        }
    }

    private static int limit(String text) {
        if (blankToNull(text) == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw AdminException.badRequest("'limit' must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
