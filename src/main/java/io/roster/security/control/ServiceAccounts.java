package io.roster.security.control;

import io.roster.security.entity.ApiToken;
import io.roster.security.entity.Scopes;
import io.roster.security.entity.ServiceAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Service accounts and their tokens. */
@ApplicationScoped
public class ServiceAccounts {

    public static final String BOOTSTRAP = "bootstrap";

    @PersistenceContext(unitName = "roster")
    EntityManager em;

    /**
     * Makes sure the realm has a service account named {@code bootstrap} with read and write scopes whose only
     * token is {@code token}. Idempotent: running it again with the same token changes nothing; with another
     * token, the old one stops working.
     */
    @Transactional
    public void ensureBootstrap(String realm, String token) {
        String hash = TokenHash.of(token);
        ServiceAccount account = em.createQuery(
                        "select a from ServiceAccount a where a.realm = :realm and a.name = :name", ServiceAccount.class)
                .setParameter("realm", realm)
                .setParameter("name", BOOTSTRAP)
                .getResultStream().findFirst()
                .orElseGet(() -> {
                    ServiceAccount created = new ServiceAccount(UUID.randomUUID().toString(), realm, BOOTSTRAP,
                            Scopes.READ_SCOPE + " " + Scopes.WRITE_SCOPE, Instant.now());
                    em.persist(created);
                    return created;
                });
        account.changeScopes(Scopes.READ_SCOPE + " " + Scopes.WRITE_SCOPE);
        List<ApiToken> tokens = em.createQuery("select t from ApiToken t where t.account = :account", ApiToken.class)
                .setParameter("account", account)
                .getResultList();
        boolean present = false;
        for (ApiToken existing : tokens) {
            if (TokenHash.same(existing.tokenHash(), hash)) {
                present = true;
            } else {
                em.remove(existing);
            }
        }
        if (!present) {
            em.flush();
            em.persist(new ApiToken(UUID.randomUUID().toString(), account, hash, Instant.now()));
        }
    }

    public long count() {
        return em.createQuery("select count(a) from ServiceAccount a", Long.class).getSingleResult();
    }
}
