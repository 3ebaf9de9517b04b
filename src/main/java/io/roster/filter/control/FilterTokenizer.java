package io.roster.filter.control;

import io.roster.protocol.entity.ScimException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Splits a filter or path into tokens. A word is a run of the characters that may appear in an attribute path,
 * an operator, a keyword or a bare number ({@code urn:...:2.0:User:name.givenName}, {@code eq}, {@code -1.5e+3});
 * the parser decides what a word means from where it stands.
 */
final class FilterTokenizer {

    enum Kind { WORD, STRING, LPAREN, RPAREN, LBRACKET, RBRACKET, END }

    /**
     * @param text        the word, the decoded content of a string literal, or the punctuation character
     * @param position    0-based offset of the first character in the input
     * @param spaceBefore whether whitespace separates this token from the previous one
     */
    record Token(Kind kind, String text, int position, boolean spaceBefore) {

        boolean isWord(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }
    }

    private final String input;
    private final Function<String, ScimException> error;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    private FilterTokenizer(String input, Function<String, ScimException> error) {
        this.input = input;
        this.error = error;
    }

    /** The tokens of {@code input}, always ending with one {@link Kind#END} token. */
    static List<Token> tokenize(String input, Function<String, ScimException> error) {
        FilterTokenizer tokenizer = new FilterTokenizer(input, error);
        tokenizer.run();
        return tokenizer.tokens;
    }

    private void run() {
        boolean space = false;
        while (pos < input.length()) {
            char c = input.charAt(pos);
            if (c == ' ') {
                space = true;
                pos++;
                continue;
            }
            int start = pos;
            switch (c) {
                case '(' -> punctuation(Kind.LPAREN, space);
                case ')' -> punctuation(Kind.RPAREN, space);
                case '[' -> punctuation(Kind.LBRACKET, space);
                case ']' -> punctuation(Kind.RBRACKET, space);
                case '"' -> tokens.add(new Token(Kind.STRING, string(), start, space));
                default -> {
                    if (!isWordChar(c)) {
                        throw unexpected(c, start);
                    }
                    while (pos < input.length() && isWordChar(input.charAt(pos))) {
                        pos++;
                    }
                    tokens.add(new Token(Kind.WORD, input.substring(start, pos), start, space));
                }
            }
            space = false;
        }
        tokens.add(new Token(Kind.END, "", input.length(), space));
    }

    private void punctuation(Kind kind, boolean space) {
        tokens.add(new Token(kind, String.valueOf(input.charAt(pos)), pos, space));
        pos++;
    }

    /** A JSON string literal (RFC 8259 §7); raw control characters are tolerated inside it. */
    private String string() {
        int start = pos++;
        StringBuilder out = new StringBuilder();
        while (pos < input.length()) {
            char c = input.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= input.length()) {
                break;
            }
            char escaped = input.charAt(pos++);
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(unicodeEscape());
                default -> throw error.apply("Invalid escape '\\" + printable(escaped) + "' at position " + (pos - 2));
            }
        }
        throw error.apply("Unterminated string starting at position " + start);
    }

    private char unicodeEscape() {
        int start = pos - 2;
        if (pos + 4 > input.length()) {
            throw error.apply("Expected four hex digits after '\\u' at position " + start);
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(input.charAt(pos++), 16);
            if (digit < 0) {
                throw error.apply("Expected four hex digits after '\\u' at position " + start);
            }
            value = value * 16 + digit;
        }
        return (char) value;
    }

    private ScimException unexpected(char c, int at) {
        if (Character.isISOControl(c) || Character.isWhitespace(c)) {
            return error.apply(String.format("Unexpected control character U+%04X at position %d", (int) c, at));
        }
        return error.apply("Unexpected character '" + printable(c) + "' at position " + at);
    }

    private static String printable(char c) {
        return Character.isISOControl(c) ? String.format("U+%04X", (int) c) : String.valueOf(c);
    }

    /** Characters of attribute paths (with URNs and {@code $ref}), keywords and JSON numbers. */
    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == ':' || c == '$' || c == '+';
    }
}
