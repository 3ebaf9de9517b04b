package io.roster.security.control;

import jakarta.security.enterprise.credential.Credential;

/** A bearer token presented by a provisioning client. {@link #toString()} never shows it. */
public final class TokenCredential implements Credential {

    private final String token;

    public TokenCredential(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    @Override
    public String toString() {
        return "TokenCredential[redacted]";
    }
}
