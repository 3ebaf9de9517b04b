package io.roster.security.control;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * New service-account tokens: 256 random bits, URL-safe base64 without padding, prefixed with {@code rst_} so
 * that secret scanners and people recognise one. Shown once; only {@link TokenHash} of it is stored.
 */
public final class TokenGenerator {

    public static final String PREFIX = "rst_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenGenerator() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
