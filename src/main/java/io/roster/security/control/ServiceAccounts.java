package io.roster.security.control;

import io.roster.security.entity.ApiToken;
import io.roster.security.entity.RateLimit;
import io.roster.security.entity.Scopes;
import io.roster.security.entity.ServiceAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Service accounts and their tokens. Callers supply the transaction, except for {@link #ensureBootstrap}. */
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
        ServiceAccount account = named(realm, BOOTSTRAP)
                .orElseGet(() -> {
                    ServiceAccount created = new ServiceAccount(UUID.randomUUID().toString(), realm, BOOTSTRAP,
                            Scopes.READ_SCOPE + " " + Scopes.WRITE_SCOPE, Instant.now());
                    em.persist(created);
                    return created;
                });
        account.changeScopes(Scopes.READ_SCOPE + " " + Scopes.WRITE_SCOPE);
        boolean present = false;
        for (ApiToken existing : tokens(account)) {
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

    public Optional<ServiceAccount> named(String realm, String name) {
        return em.createQuery("select a from ServiceAccount a where a.realm = :realm and a.name = :name",
                        ServiceAccount.class)
                .setParameter("realm", realm)
                .setParameter("name", name)
                .getResultStream().findFirst();
    }

    public Optional<ServiceAccount> find(String realm, String id) {
        return em.createQuery("select a from ServiceAccount a where a.realm = :realm and a.id = :id",
                        ServiceAccount.class)
                .setParameter("realm", realm)
                .setParameter("id", id)
                .getResultStream().findFirst();
    }

    public List<ServiceAccount> list(String realm) {
        return em.createQuery("select a from ServiceAccount a where a.realm = :realm order by a.name",
                        ServiceAccount.class)
                .setParameter("realm", realm)
                .getResultList();
    }

    /** The account's tokens, oldest first, revoked and expired ones included. */
    public List<ApiToken> tokens(ServiceAccount account) {
        return em.createQuery("select t from ApiToken t where t.account = :account order by t.created, t.id",
                        ApiToken.class)
                .setParameter("account", account)
                .getResultList();
    }

    /** A new account with its first token. The caller has checked that the name is free in the realm. */
    public IssuedToken create(String realm, String name, Collection<String> scopes, RateLimit rateLimit,
            Instant expires) {
        ServiceAccount account = new ServiceAccount(UUID.randomUUID().toString(), realm, name,
                Scopes.stored(scopes), Instant.now());
        account.changeRateLimit(rateLimit);
        em.persist(account);
        return issue(account, expires);
    }

    /** A further token for the account (rotation: the old ones keep working until revoked). */
    public IssuedToken issue(ServiceAccount account, Instant expires) {
        String value = TokenGenerator.newToken();
        ApiToken token = new ApiToken(UUID.randomUUID().toString(), account, TokenHash.of(value), Instant.now(),
                expires);
        em.persist(token);
        return new IssuedToken(token, value);
    }

    public Optional<ApiToken> token(ServiceAccount account, String tokenId) {
        return em.createQuery("select t from ApiToken t where t.account = :account and t.id = :id", ApiToken.class)
                .setParameter("account", account)
                .setParameter("id", tokenId)
                .getResultStream().findFirst();
    }

    /** Deletes the account with all its tokens. */
    public void delete(ServiceAccount account) {
        em.createQuery("delete from ApiToken t where t.account = :account")
                .setParameter("account", account)
                .executeUpdate();
        em.remove(account);
    }
}
