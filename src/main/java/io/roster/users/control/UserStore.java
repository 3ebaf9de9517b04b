package io.roster.users.control;

import io.roster.filter.entity.Filter;
import io.roster.protocol.control.UniqueViolation;
import io.roster.protocol.entity.ScimException;
import io.roster.search.control.ResourceSearch;
import io.roster.search.entity.SearchRequest;
import io.roster.search.entity.Sort;
import io.roster.users.entity.User;
import io.roster.users.entity.UserAttributes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Users in the database: lookups, uniqueness of userName per realm, and paged searches. */
@ApplicationScoped
public class UserStore {

    @PersistenceContext(unitName = "roster")
    EntityManager em;

    public record SearchResult(long total, List<User> users) {
    }

    public User create(String realm, UserAttributes attributes) {
        checkUserNameFree(realm, attributes.userName(), null);
        User user = new User(UUID.randomUUID().toString(), realm, now());
        user.update(attributes, user.created());
        em.persist(user);
        flush(attributes.userName());
        return user;
    }

    public void update(User user, UserAttributes attributes) {
        checkUserNameFree(user.realm(), attributes.userName(), user.id());
        user.update(attributes, now());
        flush(attributes.userName());
    }

    public void delete(User user) {
        em.remove(user);
        em.flush();
    }

    public Optional<User> find(String realm, String id) {
        if (id == null || id.length() > 36) {
            return Optional.empty();
        }
        return em.createQuery("select u from User u where u.id = :id and u.realm = :realm", User.class)
                .setParameter("id", id)
                .setParameter("realm", realm)
                .getResultStream()
                .findFirst();
    }

    public SearchResult search(String realm, SearchRequest request) {
        var result = new ResourceSearch<>(em, User.class, UserAttributeMapping.INSTANCE)
                .run(realm, request.filter(), request.sort(), request.page());
        return new SearchResult(result.total(), result.resources());
    }

    public long count(String realm, Filter filter) {
        return new ResourceSearch<>(em, User.class, UserAttributeMapping.INSTANCE).count(realm, filter);
    }

    public List<User> page(String realm, Filter filter, Sort sort, int offset, int count) {
        return new ResourceSearch<>(em, User.class, UserAttributeMapping.INSTANCE).page(realm, filter, sort, offset, count);
    }

    private void checkUserNameFree(String realm, String userName, String exceptId) {
        List<String> holders = em.createQuery(
                        "select u.id from User u where u.realm = :realm and u.userNameKey = :key", String.class)
                .setParameter("realm", realm)
                .setParameter("key", UserAttributes.key(userName))
                .getResultList();
        if (holders.stream().anyMatch(id -> !id.equals(exceptId))) {
            throw taken(userName);
        }
    }

    /** Writes now, so that a unique-index violation from a concurrent request becomes a 409 here. */
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
