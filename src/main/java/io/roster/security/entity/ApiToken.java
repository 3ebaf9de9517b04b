package io.roster.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A bearer token of a service account. Only the SHA-256 of the token is stored; the token itself never is. */
@Entity
@Table(name = "api_token")
public class ApiToken {

    @Id
    @SequenceGenerator(name = "api_token", sequenceName = "api_token_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_token")
    @Column(name = "pk")
    private Long pk;

    @Column(name = "id", nullable = false, updatable = false)
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_pk", nullable = false, updatable = false)
    private ServiceAccount account;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant created;

    @Column(name = "expires_at")
    private Instant expires;

    @Column(name = "revoked_at")
    private Instant revoked;

    @Column(name = "last_used_at", insertable = false, updatable = false)
    private Instant lastUsed;

    protected ApiToken() {
    }

    public ApiToken(String id, ServiceAccount account, String tokenHash, Instant created) {
        this(id, account, tokenHash, created, null);
    }

    public ApiToken(String id, ServiceAccount account, String tokenHash, Instant created, Instant expires) {
        this.id = id;
        this.account = account;
        this.tokenHash = tokenHash;
        this.created = created;
        this.expires = expires;
    }

    public String id() {
        return id;
    }

    public Instant created() {
        return created;
    }

    /** May be null: the token does not expire. */
    public Instant expires() {
        return expires;
    }

    /** May be null: the token is not revoked. */
    public Instant revoked() {
        return revoked;
    }

    /**
     * May be null: never used. Written in batches by {@code TokenUsage} (with plain SQL), so it lags behind by a
     * few seconds and this entity never writes it.
     */
    public Instant lastUsed() {
        return lastUsed;
    }

    public void revoke(Instant at) {
        if (revoked == null) {
            revoked = at;
        }
    }

    public ServiceAccount account() {
        return account;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public boolean usableAt(Instant now) {
        return revoked == null && (expires == null || now.isBefore(expires));
    }
}
