package io.roster.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One SCIM request in the provisioning log. Holds no body, credential or header except the User-Agent; the
 * filter's literal values are already redacted unless configured otherwise. Written once, never changed.
 */
@Entity
@Table(name = "provisioning_log")
public class LogEntry {

    @Id
    @SequenceGenerator(name = "provisioning_log", sequenceName = "provisioning_log_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "provisioning_log")
    @Column(name = "pk")
    private Long pk;

    @Column(name = "logged_at", nullable = false, updatable = false)
    private Instant time;

    @Column(name = "realm_id", nullable = false, updatable = false)
    private String realm;

    @Column(name = "service_account", updatable = false)
    private String serviceAccount;

    @Column(name = "method", nullable = false, updatable = false)
    private String method;

    @Column(name = "path", nullable = false, updatable = false)
    private String path;

    @Column(name = "resource_type", updatable = false)
    private String resourceType;

    @Column(name = "resource_id", updatable = false)
    private String resourceId;

    @Column(name = "filter", updatable = false)
    private String filter;

    @Column(name = "status", nullable = false, updatable = false)
    private int status;

    @Column(name = "scim_type", updatable = false)
    private String scimType;

    @Column(name = "duration_ms", nullable = false, updatable = false)
    private int durationMillis;

    @Column(name = "user_agent", updatable = false)
    private String userAgent;

    protected LogEntry() {
    }

    /** Values longer than their columns are cut; see {@code V4__…sql}. */
    public LogEntry(Instant time, String realm, String serviceAccount, String method, String path,
            String resourceType, String resourceId, String filter, int status, String scimType, long durationMillis,
            String userAgent) {
        this.time = time;
        this.realm = realm;
        this.serviceAccount = cut(serviceAccount, 200);
        this.method = cut(method, 16);
        this.path = cut(path, 1000);
        this.resourceType = cut(resourceType, 64);
        this.resourceId = cut(resourceId, 256);
        this.filter = cut(filter, 1000);
        this.status = status;
        this.scimType = cut(scimType, 32);
        this.durationMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(0, durationMillis));
        this.userAgent = cut(userAgent, 300);
    }

    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length - 1) + "…";
    }

    public Long id() {
        return pk;
    }

    public Instant time() {
        return time;
    }

    public String realm() {
        return realm;
    }

    public String serviceAccount() {
        return serviceAccount;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public String resourceType() {
        return resourceType;
    }

    public String resourceId() {
        return resourceId;
    }

    public String filter() {
        return filter;
    }

    public int status() {
        return status;
    }

    public String scimType() {
        return scimType;
    }

    public int durationMillis() {
        return durationMillis;
    }

    public String userAgent() {
        return userAgent;
    }
}
