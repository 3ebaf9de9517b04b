package io.roster.users.control;

import io.roster.filter.control.CriteriaTranslator;
import io.roster.filter.entity.Filter;
import io.roster.protocol.control.UniqueViolation;
import io.roster.protocol.entity.Page;
import io.roster.protocol.entity.ScimException;
import io.roster.users.entity.User;
import io.roster.users.entity.UserAttributes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
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

    public SearchResult search(String realm, Filter filter, Page page) {
        CriteriaBuilder cb = em.getCriteriaBuilder();

        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<User> countRoot = count.from(User.class);
        count.select(cb.count(countRoot)).where(where(cb, count, countRoot, realm, filter));
        long total = em.createQuery(count).getSingleResult();

        if (page.count() == 0 || total <= page.offset()) {
            return new SearchResult(total, List.of());
        }
        CriteriaQuery<User> select = cb.createQuery(User.class);
        Root<User> root = select.from(User.class);
        // pk is assigned once and never changes: pages stay stable however startIndex and count move
        select.select(root).where(where(cb, select, root, realm, filter)).orderBy(cb.asc(root.get("pk")));
        List<User> users = em.createQuery(select)
                .setFirstResult(page.offset())
                .setMaxResults(page.count())
                .getResultList();
        return new SearchResult(total, users);
    }

    private Predicate where(CriteriaBuilder cb, CriteriaQuery<?> query, Root<User> root, String realm,
            Filter filter) {
        Predicate inRealm = cb.equal(root.get("realm"), realm);
        if (filter == null) {
            return inRealm;
        }
        var translator = new CriteriaTranslator<>(cb, query, root, UserAttributeMapping.INSTANCE);
        return cb.and(inRealm, translator.toPredicate(filter));
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
            if (UniqueViolation.in(e)) {
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
