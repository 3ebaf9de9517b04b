package io.roster.security.control;

import io.roster.security.entity.AdminUser;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Administrators and their passwords, hashed with Jakarta Security's PBKDF2 (SHA-256, 210,000 iterations). */
@ApplicationScoped
public class AdminUsers {

    /** The administrator that {@code ROSTER_ADMIN_PASSWORD} creates or resets. */
    public static final String ADMIN = "admin";

    @PersistenceContext(unitName = "roster")
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash hash;

    /** Verified when the user does not exist, so that unknown and known names take the same time. */
    private String decoy;
    private final VerifiedPasswords verifiedPasswords = new VerifiedPasswords();

    @PostConstruct
    void configure() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoy = hash.generate("not a password of anyone".toCharArray());
    }

    public enum Outcome { CREATED, RESET, UNCHANGED }

    /** Creates the user or gives it this password; the password is neither stored nor logged as such. */
    @Transactional
    public Outcome ensure(String name, String password) {
        Optional<AdminUser> existing = find(name);
        Instant now = Instant.now();
        if (existing.isEmpty()) {
            em.persist(new AdminUser(name, hash.generate(password.toCharArray()), now));
            return Outcome.CREATED;
        }
        if (hash.verify(password.toCharArray(), existing.get().passwordHash())) {
            return Outcome.UNCHANGED;
        }
        existing.get().changePassword(hash.generate(password.toCharArray()), now);
        return Outcome.RESET;
    }

    /**
     * Checks a password. The slow PBKDF2 check runs once per password: a success is remembered as an HMAC (with a
     * key random per process) of the stored hash and the password, so the admin API's Basic authentication stays
     * fast, and a password changed on any instance (a new stored hash) or a deleted user is never accepted.
     */
    public boolean passwordMatches(String name, String password) {
        Optional<AdminUser> user = find(name);
        String proof = user.map(u -> verifiedPasswords.proof(u.passwordHash(), password)).orElse(null);
        if (proof != null && verifiedPasswords.remembers(name, proof)) {
            return true;
        }
        boolean matches = hash.verify(password.toCharArray(), user.map(AdminUser::passwordHash).orElse(decoy));
        if (proof != null && matches) {
            verifiedPasswords.remember(name, proof);
            return true;
        }
        return false;
    }

    private Optional<AdminUser> find(String name) {
        return em.createQuery("select u from AdminUser u where u.name = :name", AdminUser.class)
                .setParameter("name", name)
                .getResultStream().findFirst();
    }
}
