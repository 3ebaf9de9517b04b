package io.roster.audit.control;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** One parameter of a raw query string, read without touching the request body (as getParameter would). */
public final class QueryParameter {

    private QueryParameter() {
    }

    public static String first(String queryString, String name) {
        if (queryString == null) {
            return null;
        }
        for (String pair : queryString.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (decode(key).equals(name)) {
                return equals < 0 ? "" : decode(pair.substring(equals + 1));
            }
        }
        return null;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
