package io.roster.audit.control;

import java.util.regex.Pattern;

/**
 * A SCIM filter as the provisioning log keeps it: its shape (attributes, operators, structure) with every string
 * and number literal replaced by {@code …}, so that {@code userName eq "alice@example.com"} is logged as
 * {@code userName eq "…"}. Works on any text, including filters the parser rejects. {@code true}, {@code false}
 * and {@code null} stay: they say nothing about anyone.
 */
public final class FilterRedaction {

    public static final String HIDDEN = "…";
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private FilterRedaction() {
    }

    public static String redact(String filter) {
        if (filter == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(filter.length());
        int i = 0;
        while (i < filter.length()) {
            char c = filter.charAt(i);
            if (c == '"') {
                i = endOfString(filter, i + 1);
                out.append('"').append(HIDDEN).append('"');
            } else if (isDelimiter(c)) {
                out.append(c);
                i++;
            } else {
                int start = i;
                while (i < filter.length() && !isDelimiter(filter.charAt(i)) && filter.charAt(i) != '"') {
                    i++;
                }
                String word = filter.substring(start, i);
                out.append(NUMBER.matcher(word).matches() ? HIDDEN : word);
            }
        }
        return out.toString();
    }

    /** The index after the closing quote (or the end of the text if the string is not closed). */
    private static int endOfString(String text, int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                i++;
            }
        }
        return text.length();
    }

    private static boolean isDelimiter(char c) {
        return Character.isWhitespace(c) || c == '(' || c == ')' || c == '[' || c == ']';
    }
}
