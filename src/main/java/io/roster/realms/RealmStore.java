package io.roster.realms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The realms: which exist, creating them, and deleting them (the purge of their data is {@link RealmPurge}'s). */
@ApplicationScoped
public class RealmStore {

    /** What happened to a request to create a realm. */
    public enum Creation { CREATED, EXISTS, BEING_DELETED }

    @PersistenceContext(unitName = "roster")
    EntityManager em;

    /** The realms that exist, {@value Realms#DEFAULT} first, the others by name. */
    @Transactional
    public List<String> names() {
        List<?> names = em.createNativeQuery("select id from realm where deleted_at is null "
                + "order by case when id = ? then 0 else 1 end, id")
                .setParameter(1, Realms.DEFAULT)
                .getResultList();
        return names.stream().map(String::valueOf).toList();
    }

    @Transactional
    public boolean exists(String realm) {
        return state(realm) == State.LIVE;
    }

    @Transactional
    public Creation create(String realm) {
        State state = state(realm);
        if (state != State.ABSENT) {
            return state == State.LIVE ? Creation.EXISTS : Creation.BEING_DELETED;
        }
        em.createNativeQuery("insert into realm (id, created_at) values (?, ?)")
                .setParameter(1, realm)
                .setParameter(2, Timestamp.from(Instant.now()))
                .executeUpdate();
        return Creation.CREATED;
    }

    /**
     * Deletes a realm as far as anyone can see, at once: it is no longer listed or served, and its service accounts
     * and their tokens are gone, so every client of the realm is refused from now on. Its users, groups and log
     * remain until {@link RealmPurge} has removed them.
     *
     * @return false if there was no such realm
     */
    @Transactional
    public boolean markDeleted(String realm) {
        if (Realms.DEFAULT.equals(realm)) {
            throw new IllegalArgumentException("The default realm cannot be deleted");
        }
        int marked = em.createNativeQuery("update realm set deleted_at = ? where id = ? and deleted_at is null")
                .setParameter(1, Timestamp.from(Instant.now()))
                .setParameter(2, realm)
                .executeUpdate();
        if (marked == 0) {
            return false;
        }
        em.createNativeQuery("delete from service_account where realm_id = ?").setParameter(1, realm).executeUpdate();
        return true;
    }

    /** Realms deleted but not yet purged (a purge interrupted by a restart). */
    @Transactional
    public List<String> awaitingPurge() {
        List<?> names = em.createNativeQuery("select id from realm where deleted_at is not null order by id")
                .getResultList();
        return names.stream().map(String::valueOf).toList();
    }

    private enum State { ABSENT, LIVE, DELETED }

    private State state(String realm) {
        List<?> rows = em.createNativeQuery("select deleted_at from realm where id = ?")
                .setParameter(1, realm).getResultList();
        return rows.isEmpty() ? State.ABSENT : rows.get(0) == null ? State.LIVE : State.DELETED;
    }
}
