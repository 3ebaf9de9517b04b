package io.roster.users.entity;

import io.roster.search.control.SearchCache;
import io.roster.search.control.ValueRows;
import io.roster.search.entity.IndexedValue;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.persistence.annotations.Customizer;

/**
 * A SCIM user. {@link #document} is the user's canonical SCIM document (JSON) and the single source of truth; the
 * other columns are derived from it on every write so that the lookups Okta and Entra make are index-backed.
 */
@Entity
@Customizer(ValueRows.ReadOnlyMapping.class)
@EntityListeners(SearchCache.Listener.class)
@Table(name = "scim_user")
public class User {

    @Id
    @SequenceGenerator(name = "scim_user", sequenceName = "scim_user_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "scim_user")
    @Column(name = "pk")
    private Long pk;

    @Column(name = "id", nullable = false, updatable = false, length = 36)
    private String id;

    @Column(name = "realm_id", nullable = false, updatable = false)
    private String realm;

    @Column(name = "user_name", nullable = false)
    private String userName;

    /** userName lower-cased: the key of the case-insensitive unique index. */
    @Column(name = "user_name_key", nullable = false)
    private String userNameKey;

    @Column(name = "external_id")
    private String externalId;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "document", nullable = false)
    private String document;

    /**
     * The searchable values of the document, one row each, identified by position; filters join them. Read-only for
     * EclipseLink: {@link ValueRows} writes them after the row itself.
     */
    @ElementCollection
    @CollectionTable(name = "scim_user_value", joinColumns = @JoinColumn(name = "user_pk"))
    @OrderColumn(name = "position")
    private List<IndexedValue> values = new ArrayList<>();

    /** The rows as this transaction wrote them ({@link ValueRows}), which {@link #values} does not follow; or null. */
    @Transient
    private List<IndexedValue> valuesWritten;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant created;

    @Column(name = "last_modified", nullable = false)
    private Instant lastModified;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected User() {
    }

    public User(String id, String realm, Instant created) {
        this.id = id;
        this.realm = realm;
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

    public String userName() {
        return userName;
    }

    public String externalId() {
        return externalId;
    }

    public String displayName() {
        return displayName;
    }

    public boolean active() {
        return active;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String document() {
        return document;
    }

    /** The value rows as stored: as read when first asked, or as this transaction last wrote them. */
    public List<IndexedValue> values() {
        return Collections.unmodifiableList(valuesWritten != null ? valuesWritten : values);
    }

    /** Records the value rows that {@link ValueRows} has just written for this user. */
    public void valuesWritten(List<IndexedValue> written) {
        this.valuesWritten = List.copyOf(written);
    }

    public Instant created() {
        return created;
    }

    public Instant lastModified() {
        return lastModified;
    }

    public long version() {
        return version;
    }

    /**
     * Replaces the user's attributes; the derived lookup columns follow. lastModified moves forward even within the
     * same millisecond, so that every write is a change and gets a version of its own.
     */
    public void update(UserAttributes attributes, Instant now) {
        this.userName = attributes.userName();
        this.userNameKey = UserAttributes.key(attributes.userName());
        this.externalId = attributes.externalId();
        this.displayName = attributes.displayName();
        this.active = attributes.active();
        this.document = attributes.document();
        this.lastModified = lastModified == null || now.isAfter(lastModified) ? now : lastModified.plusMillis(1);
    }

    public void changePassword(String hash) {
        this.passwordHash = hash;
    }
}
