package io.roster.security.control;

import jakarta.security.enterprise.credential.Credential;

/**
 * A service-account token presented by a provisioning client; with HTTP Basic also the account's name, which
 * must then match the token's account. {@link #toString()} never shows the token.
 */
public final class TokenCredential implements Credential {

    private final String token;
    private final String accountName;

    public TokenCredential(String token) {
        this(token, null);
    }

    public TokenCredential(String token, String accountName) {
        this.token = token;
        this.accountName = accountName;
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
