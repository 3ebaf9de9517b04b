package io.roster.security.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Passwords that passed the slow hash check, remembered per user as HMAC-SHA256(stored hash, password) under a key
 * that never leaves this process. A proof only matches while the stored hash is the one it was made with.
 */
final class VerifiedPasswords {

    private final SecretKeySpec key;
    private final Map<String, String> proofs = new ConcurrentHashMap<>();

    VerifiedPasswords() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    String proof(String storedHash, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(storedHash.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    boolean remembers(String name, String proof) {
        String remembered = proofs.get(name);
        return remembered != null && TokenHash.same(remembered, proof);
    }

    void remember(String name, String proof) {
        proofs.put(name, proof);
    }
}
