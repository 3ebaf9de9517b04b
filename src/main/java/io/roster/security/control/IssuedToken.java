package io.roster.security.control;

import io.roster.security.entity.ApiToken;

/** A token just created: its stored form and, this one time, its value. {@link #toString()} hides the value. */
public record IssuedToken(ApiToken token, String value) {

    @Override
    public String toString() {
        return "IssuedToken[" + token.id() + ", redacted]";
    }
}
