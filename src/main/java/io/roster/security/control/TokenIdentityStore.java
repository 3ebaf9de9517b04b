package io.roster.security.control;

import io.roster.security.entity.ApiToken;
import io.roster.security.entity.Scopes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.time.Instant;
import java.util.Optional;

/**
 * Validates service-account tokens against the database: the SHA-256 of the presented token is looked up and
 * compared in constant time. The account's scopes become its groups, which Payara maps to roles.
 */
@ApplicationScoped
public class TokenIdentityStore implements IdentityStore {

    @PersistenceContext(unitName = "roster")
    EntityManager em;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof TokenCredential token) || token.token().isBlank()) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String hash = TokenHash.of(token.token());
        Optional<ApiToken> found = em.createQuery("select t from ApiToken t join fetch t.account "
                        + "where t.tokenHash = :hash", ApiToken.class)
                .setParameter("hash", hash)
                .getResultStream()
                .findFirst();
        if (found.isEmpty() || !TokenHash.same(found.get().tokenHash(), hash)
                || !found.get().usableAt(Instant.now())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        var account = found.get().account();
        return new CredentialValidationResult(account.realm() + "/" + account.name(), Scopes.roles(account.scopes()));
    }
}
