package io.roster.security.control;

import io.roster.security.entity.AdministratorPrincipal;
import io.roster.security.entity.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/** Validates administrators' names and passwords; every administrator has the role {@link Roles#ADMIN}. */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

    @Inject
    AdminUsers users;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return users.passwordMatches(login.getCaller(), login.getPasswordAsString())
                ? new CredentialValidationResult(new AdministratorPrincipal(login.getCaller()), Set.of(Roles.ADMIN))
                : CredentialValidationResult.INVALID_RESULT;
    }
}
