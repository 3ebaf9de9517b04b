package io.roster.users.control;

import io.roster.filter.entity.Filter;
import io.roster.groups.control.Memberships;
import io.roster.protocol.control.UniqueViolation;
import io.roster.protocol.entity.ScimException;
import io.roster.schema.control.SchemaRegistry;
import io.roster.search.control.JoinedColumns;
import io.roster.search.control.Searches;
import io.roster.search.control.UniqueValues.Owner;
import io.roster.search.control.ValueRows;
import io.roster.search.entity.SearchRequest;
import io.roster.search.entity.Sort;
import io.roster.users.entity.User;
import io.roster.users.entity.UserAttributes;
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

/** Users in the database: lookups, uniqueness of userName per realm (a unique index), and paged searches. */
@ApplicationScoped
public class UserStore {

    @Inject
    Searches searches;

    @Inject
    SchemaRegistry schemas;

    @Inject
    Memberships memberships;

    @PersistenceContext(unitName = "roster")
    EntityManager em;

    /**
     * @param joinedRows the rows of the joined columns when the search read them with the users, each
     *                   {@code {user, column…}}; null when it did not
     */
    public record SearchResult(long total, List<User> users, List<Object[]> joinedRows) {
    }

    /** A new user; {@code passwordHash} is what to keep of the password sent with it, or null. */
    public User create(String realm, UserAttributes attributes, String passwordHash) {
        User user = new User(UUID.randomUUID().toString(), realm, now());
        user.update(attributes, user.created());
        user.changePassword(passwordHash);
        em.persist(user);
        flush(attributes.userName());
        ValueRows.insert(em.unwrap(Connection.class), Owner.USER, user.pk(), attributes.values());
        user.valuesWritten(attributes.values());
        return user;
    }

    /**
     * Writes the user's new attributes (and whatever else the caller changed on it before) with one UPDATE, so the
     * version moves once per write and the version a response shows is the one committed.
     */
    public void update(User user, UserAttributes attributes) {
        boolean valuesChanged = !user.values().equals(attributes.values());
        user.update(attributes, now());
        flush(attributes.userName());
        if (valuesChanged) {
            ValueRows.replace(em.unwrap(Connection.class), Owner.USER, user.pk(), attributes.values());
            user.valuesWritten(attributes.values());
        }
    }

    /** The user, its values and its memberships. */
    public void delete(User user) {
        memberships.delete(user);
    }

    public Optional<User> find(String realm, String id) {
        return query(realm, id).getResultStream().findFirst();
    }

    /**
     * The user, locked until the transaction ends. PUT, PATCH and DELETE take this lock before they read the
     * document they change, so concurrent writes of one user run one after the other, each on the latest version:
     * none is lost, and none fails for having read a stale one.
     */
    public Optional<User> findForUpdate(String realm, String id) {
        return query(realm, id).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    /**
     * The user with the joined columns in one query: a row per joined row, each {@code {user, column…}}, and none
     * when there is no such user.
     */
    public List<Object[]> findWith(String realm, String id, JoinedColumns joined) {
        return em.createQuery(joined.jpql("User", "r.id = :id and r.realm = :realm"), Object[].class)
                .setParameter("id", wanted(id))
                .setParameter("realm", realm)
                .getResultList();
    }

    private TypedQuery<User> query(String realm, String id) {
        return em.createQuery("select u from User u where u.id = :id and u.realm = :realm", User.class)
                .setParameter("id", wanted(id))
                .setParameter("realm", realm);
    }

    /** The id as the query takes it: one longer than any id (a UUID) finds nothing. */
    private static String wanted(String id) {
        return id == null || id.length() > 36 ? "" : id;
    }

    public SearchResult search(String realm, SearchRequest request) {
        return search(realm, request, null);
    }

    /**
     * @param joined columns to read in the same query when the filter finds one user at most (a lookup); null
     *               for none
     */
    public SearchResult search(String realm, SearchRequest request, JoinedColumns joined) {
        var result = searches.of(em, User.class, mapping(realm))
                .run(realm, request.filter(), request.sort(), request.page(), joined);
        return new SearchResult(result.total(), result.resources(), result.joinedRows());
    }

    public long count(String realm, Filter filter) {
        return searches.of(em, User.class, mapping(realm)).count(realm, filter);
    }

    public List<User> page(String realm, Filter filter, Sort sort, int offset, int count) {
        return searches.of(em, User.class, mapping(realm)).page(realm, filter, sort, offset, count);
    }

    private UserAttributeMapping mapping(String realm) {
        return new UserAttributeMapping(schemas.user(realm));
    }

    /**
     * Writes now, so that a userName another user holds becomes a 409 here. The unique index on the lower-cased
     * userName decides, with no query before the write: it is what decides between racing requests anyway, and
     * it saves every create a statement and a round trip.
     */
    private void flush(String userName) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueViolation.of(e, "ux_scim_user_name")) {
                throw taken(userName);
            }
            throw e;
        }
    }

    private static ScimException taken(String userName) {
        return ScimException.uniqueness("userName '" + userName + "' is already taken (userName is unique "
                + "regardless of case)");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
