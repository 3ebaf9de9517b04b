package io.roster.groups.control;

import io.roster.filter.entity.Filter;
import io.roster.groups.entity.Group;
import io.roster.groups.entity.GroupAttributes;
import io.roster.protocol.control.UniqueViolation;
import io.roster.protocol.entity.ScimException;
import io.roster.schema.control.SchemaRegistry;
import io.roster.search.control.Searches;
import io.roster.search.control.UniqueValues.Owner;
import io.roster.search.control.ValueRows;
import io.roster.search.entity.SearchRequest;
import io.roster.search.entity.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Groups in the database (without their members): lookups, uniqueness of displayName per realm, searches. */
@ApplicationScoped
public class GroupStore {

    @Inject
    SchemaRegistry schemas;

    @Inject
    Searches searches;

    @Inject
    Memberships memberships;

    @PersistenceContext(unitName = "roster")
    EntityManager em;

    public record SearchResult(long total, List<Group> groups) {
    }

    public Group create(String realm, GroupAttributes attributes) {
        Group group = new Group(UUID.randomUUID().toString(), realm, now());
        group.update(attributes, group.created());
        em.persist(group);
        flush(attributes.displayName());
        ValueRows.insert(em.unwrap(Connection.class), Owner.GROUP, group.pk(), attributes.values());
        group.valuesWritten(attributes.values());
        return group;
    }

    public void update(Group group, GroupAttributes attributes) {
        boolean valuesChanged = !group.values().equals(attributes.values());
        group.update(attributes, now());
        flush(attributes.displayName());
        if (valuesChanged) {
            ValueRows.replace(em.unwrap(Connection.class), Owner.GROUP, group.pk(), attributes.values());
            group.valuesWritten(attributes.values());
        }
    }

    /** The members changed: the group gets a new lastModified and version. */
    public void touch(Group group) {
        group.touch(now());
        em.flush();
    }

    /** Its memberships go with the group; its users stay. */
    public void delete(Group group) {
        memberships.delete(group);
    }

    public Optional<Group> find(String realm, String id) {
        return query(realm, id).getResultStream().findFirst();
    }

    /**
     * The group, locked until the transaction ends. Every change of a group's members takes this lock first, so
     * concurrent membership changes of one group run one after the other: none is lost, the version moves once
     * per change, and "insert where not exists" cannot race with itself.
     */
    public Optional<Group> findForUpdate(String realm, String id) {
        return query(realm, id).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    private TypedQuery<Group> query(String realm, String id) {
        String wanted = id == null || id.length() > 36 ? "" : id;
        return em.createQuery("select g from ScimGroup g where g.id = :id and g.realm = :realm", Group.class)
                .setParameter("id", wanted)
                .setParameter("realm", realm);
    }

    public SearchResult search(String realm, SearchRequest request) {
        var result = searches.of(em, Group.class, new GroupAttributeMapping(schemas.group(realm)))
                .run(realm, request.filter(), request.sort(), request.page());
        return new SearchResult(result.total(), result.resources());
    }

    public long count(String realm, Filter filter) {
        return searches.of(em, Group.class, new GroupAttributeMapping(schemas.group(realm))).count(realm, filter);
    }

    public List<Group> page(String realm, Filter filter, Sort sort, int offset, int count) {
        return searches.of(em, Group.class, new GroupAttributeMapping(schemas.group(realm))).page(realm, filter, sort, offset, count);
    }

    /**
     * Writes now, so that a displayName another group holds becomes a 409 here: the unique index on the
     * lower-cased displayName decides, with no query before the write (as for users' userName).
     */
    private void flush(String displayName) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueViolation.of(e, "ux_scim_group_display_name")) {
                throw taken(displayName);
            }
            throw e;
        }
    }

    private static ScimException taken(String displayName) {
        return ScimException.uniqueness("displayName '" + displayName + "' is already taken (group names are "
                + "unique regardless of case)");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
