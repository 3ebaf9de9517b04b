package io.roster.groups.entity;

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
import jakarta.persistence.OneToMany;
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
 * A SCIM group. {@link #document} is the group's canonical SCIM document without its members (JSON); the other
 * columns are derived from it on every write. Members live in {@code scim_group_member} and are changed only by
 * set operations in SQL, so a group of any size is cheap to load and to write.
 */
@Entity(name = "ScimGroup") // "Group" is a reserved word in JPQL
@Customizer(ValueRows.ReadOnlyMapping.class)
@EntityListeners(SearchCache.Listener.class)
@Table(name = "scim_group")
public class Group {

    @Id
    @SequenceGenerator(name = "scim_group", sequenceName = "scim_group_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "scim_group")
    @Column(name = "pk")
    private Long pk;

    @Column(name = "id", nullable = false, updatable = false, length = 36)
    private String id;

    @Column(name = "realm_id", nullable = false, updatable = false)
    private String realm;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    /** displayName lower-cased: the key of the case-insensitive unique index. */
    @Column(name = "display_name_key", nullable = false)
    private String displayNameKey;

    @Column(name = "external_id")
    private String externalId;

    @Column(name = "document", nullable = false)
    private String document;

    /** Only for filters ({@code members[value eq "…"]} becomes an EXISTS subquery); never loaded. */
    @OneToMany(mappedBy = "group")
    private List<Membership> memberships;

    /**
     * The searchable values of the document's extensions, one row each, identified by position; filters join them.
     * Read-only for EclipseLink: {@link ValueRows} writes them after the row itself.
     */
    @ElementCollection
    @CollectionTable(name = "scim_group_value", joinColumns = @JoinColumn(name = "group_pk"))
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

    protected Group() {
    }

    public Group(String id, String realm, Instant created) {
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

    public String displayName() {
        return displayName;
    }

    public String externalId() {
        return externalId;
    }

    public String document() {
        return document;
    }

    /** The value rows as stored: as read when first asked, or as this transaction last wrote them. */
    public List<IndexedValue> values() {
        return Collections.unmodifiableList(valuesWritten != null ? valuesWritten : values);
    }

    /** Records the value rows that {@link ValueRows} has just written for this group. */
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

    /** Replaces the group's attributes; the derived lookup columns follow. */
    public void update(GroupAttributes attributes, Instant now) {
        this.displayName = attributes.displayName();
        this.displayNameKey = GroupAttributes.key(attributes.displayName());
        this.externalId = attributes.externalId();
        this.document = attributes.document();
        touch(now);
    }

    /**
     * Records a change (of the members, say): a later lastModified, and so a new version. lastModified moves
     * forward even within the same millisecond, so that every change gets a version of its own.
     */
    public void touch(Instant now) {
        this.lastModified = lastModified == null || now.isAfter(lastModified) ? now : lastModified.plusMillis(1);
    }
}
