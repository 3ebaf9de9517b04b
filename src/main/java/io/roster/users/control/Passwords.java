package io.roster.users.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What happens to the passwords clients send (Okta sends one with every create). With
 * {@code roster.users.password-storage=hash} (default) they are kept only as a salted PBKDF2 hash; with
 * {@code discard} they are not kept at all. Either way they are never returned and never logged.
 */
@ApplicationScoped
public class Passwords {

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    @ConfigProperty(name = "roster.users.password-storage", defaultValue = "hash")
    String storage;

    @PostConstruct
    void configure() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    }

    /** The value to store for a password the client sent, or null when passwords are discarded. */
    public String protect(String password) {
        if (!"hash".equalsIgnoreCase(storage.trim())) {
            return null;
        }
        return hash.generate(password.toCharArray());
    }

    public boolean matches(String password, String stored) {
        return stored != null && hash.verify(password.toCharArray(), stored);
    }
}
