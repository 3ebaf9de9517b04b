package io.roster.security.entity;

import jakarta.security.enterprise.CallerPrincipal;
import java.util.Optional;

/**
 * The caller of a SCIM request: a service account, named {@code realm/name}, authenticated by one of its tokens.
 * {@code rateLimit} is the account's own limit, empty when the configured defaults apply.
 */
public final class ServiceAccountPrincipal extends CallerPrincipal {

    private final String realm;
    private final String accountName;
    private final String tokenId;
    private final RateLimit rateLimit;

    public ServiceAccountPrincipal(String realm, String accountName, String tokenId, RateLimit rateLimit) {
        super(realm + "/" + accountName);
        this.realm = realm;
        this.accountName = accountName;
        this.tokenId = tokenId;
        this.rateLimit = rateLimit;
    }

    public String realm() {
        return realm;
    }

    public String accountName() {
        return accountName;
    }

    public String tokenId() {
        return tokenId;
    }

    public Optional<RateLimit> rateLimit() {
        return Optional.ofNullable(rateLimit);
    }
}
