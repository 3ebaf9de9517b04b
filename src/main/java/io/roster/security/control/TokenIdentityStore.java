package io.roster.security.control;

import io.roster.security.entity.ApiToken;
import io.roster.security.entity.Scopes;
import io.roster.security.entity.ServiceAccount;
import io.roster.security.entity.ServiceAccountPrincipal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Validates service-account tokens against the database: the SHA-256 of the presented token is looked up (one
 * indexed query, remembered for at most half a second by {@link TokenCache}, so a revoked, expired or deleted
 * token fails within that time on every instance) and compared in constant time. A token is valid only at the SCIM root of its account's realm (on
 * another realm's URL it is as unknown as a wrong token). With HTTP Basic the name must be the token's account's. The account's
 * scopes become its groups, which Payara maps to roles.
 */
@ApplicationScoped
public class TokenIdentityStore implements IdentityStore {

    @PersistenceContext(unitName = "roster")
    EntityManager em;

    @Inject
    TokenUsage usage;

    @Inject
    TokenCache cache;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof TokenCredential token) || token.token().isBlank()) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String hash = TokenHash.of(token.token());
        Instant now = Instant.now();
        Optional<TokenCache.Entry> cached = cache.find(hash, now);
        if (cached.isPresent()) {
            TokenCache.Entry entry = cached.get();
            if (!entry.accountRealm().equals(token.realm())
                    || token.accountName() != null && !token.accountName().equals(entry.principal().accountName())) {
                return CredentialValidationResult.INVALID_RESULT;
            }
            usage.used(entry.principal().tokenId(), now);
            return new CredentialValidationResult(entry.principal(), entry.groups());
        }
        Optional<ApiToken> found = em.createQuery("select t from ApiToken t join fetch t.account "
                        + "where t.tokenHash = :hash", ApiToken.class)
                .setParameter("hash", hash)
                .getResultStream()
                .findFirst();
        if (found.isEmpty() || !TokenHash.same(found.get().tokenHash(), hash) || !found.get().usableAt(now)) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        ApiToken valid = found.get();
        ServiceAccount account = valid.account();
        ServiceAccountPrincipal principal = new ServiceAccountPrincipal(account.realm(), account.name(), valid.id(),
                account.rateLimit().orElse(null));
        Set<String> groups = Scopes.roles(account.scopes());
        cache.remember(hash, principal, account.realm(), groups, valid.expires());
        if (!namesAccount(token, account) || !account.realm().equals(token.realm())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        usage.used(valid.id(), now);
        return new CredentialValidationResult(principal, groups);
    }

    private static boolean namesAccount(TokenCredential token, ServiceAccount account) {
        return token.accountName() == null || token.accountName().equals(account.name());
    }
}
