package io.roster.security.control;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * What an {@code Authorization} header carries: {@code Bearer <token>}, {@code Basic base64(name:secret)}, or
 * (Okta's "HTTP Header" mode) the token alone with no scheme. Nothing here is ever logged.
 */
public sealed interface AuthorizationHeader {

    /** A token, from {@code Bearer} or a header with no scheme. */
    record Token(String token) implements AuthorizationHeader {
        @Override
        public String toString() {
            return "Token[redacted]";
        }
    }

    /** HTTP Basic (RFC 7617): the user name and the password, which for a service account is a token. */
    record Basic(String name, String secret) implements AuthorizationHeader {
        @Override
        public String toString() {
            return "Basic[" + name + ", redacted]";
        }
    }

    /** A header that cannot be understood: Basic that is not base64 of {@code name:secret}, an empty token. */
    record Malformed(String scheme) implements AuthorizationHeader {
    }

    static Optional<AuthorizationHeader> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        if (hasScheme(value, "Bearer")) {
            String token = value.substring(6).trim();
            return Optional.of(token.isEmpty() ? new Malformed("Bearer") : new Token(token));
        }
        if (hasScheme(value, "Basic")) {
            return Optional.of(basic(value.substring(5).trim()));
        }
        return Optional.of(new Token(value));
    }

    /** "Bearer" alone or "Bearer" followed by whitespace, in any case. */
    private static boolean hasScheme(String value, String scheme) {
        return value.regionMatches(true, 0, scheme, 0, scheme.length())
                && (value.length() == scheme.length() || Character.isWhitespace(value.charAt(scheme.length())));
    }

    private static AuthorizationHeader basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new Malformed("Basic");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon == decoded.length() - 1) {
            return new Malformed("Basic");
        }
        return new Basic(decoded.substring(0, colon), decoded.substring(colon + 1));
    }
}
