package io.roster.security.control;

import jakarta.security.enterprise.credential.Credential;

/**
 * A service-account token presented by a provisioning client to the SCIM root of a realm; with HTTP Basic also the
 * account's name, which must then match the token's account. The token is valid only if its account belongs to
 * that realm. {@link #toString()} never shows the token.
 */
public final class TokenCredential implements Credential {

    private final String realm;
    private final String token;
    private final String accountName;

    public TokenCredential(String realm, String token) {
        this(realm, token, null);
    }

    public TokenCredential(String realm, String token, String accountName) {
        this.realm = realm;
        this.token = token;
        this.accountName = accountName;
    }

    /** The realm whose SCIM root the request was sent to. */
    public String realm() {
        return realm;
    }

    public String token() {
        return token;
    }

    /** May be null: only HTTP Basic names the account. */
    public String accountName() {
        return accountName;
    }

    @Override
    public String toString() {
        return "TokenCredential[redacted]";
    }
}
