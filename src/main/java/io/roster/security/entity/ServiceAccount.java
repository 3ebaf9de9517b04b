package io.roster.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A provisioning client of one realm (Okta's or Entra's connection), identified by its tokens. */
@Entity
@Table(name = "service_account")
public class ServiceAccount {

    @Id
    @SequenceGenerator(name = "service_account", sequenceName = "service_account_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "service_account")
    @Column(name = "pk")
    private Long pk;

    @Column(name = "id", nullable = false, updatable = false)
    private String id;

    @Column(name = "realm_id", nullable = false, updatable = false)
    private String realm;

    @Column(name = "name", nullable = false)
    private String name;

    /** Space-separated scopes, see {@link Scopes}. */
    @Column(name = "scopes", nullable = false)
    private String scopes;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant created;

    @Column(name = "rate_limit_per_second")
    private Integer rateLimitPerSecond;

    @Column(name = "rate_limit_burst")
    private Integer rateLimitBurst;

    protected ServiceAccount() {
    }

    public ServiceAccount(String id, String realm, String name, String scopes, Instant created) {
        this.id = id;
        this.realm = realm;
        this.name = name;
        this.scopes = scopes;
        this.created = created;
    }

    public Long pk() {
        return pk;
    }

    public String id() {
        return id;
    }

    public String realm() {
        return realm;
    }

    public String name() {
        return name;
    }

    public String scopes() {
        return scopes;
    }

    public void changeScopes(String scopes) {
        this.scopes = scopes;
    }

    public Instant created() {
        return created;
    }

    /** The account's own rate limit, or empty when the configured defaults apply. */
    public Optional<RateLimit> rateLimit() {
        return rateLimitPerSecond == null || rateLimitBurst == null
                ? Optional.empty()
                : Optional.of(new RateLimit(rateLimitPerSecond, rateLimitBurst));
    }

    public void changeRateLimit(RateLimit limit) {
        this.rateLimitPerSecond = limit == null ? null : limit.perSecond();
        this.rateLimitBurst = limit == null ? null : limit.burst();
    }
}
