package io.roster.groups.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the members of groups: for their representation ({@link MemberCursor}), and a page at a time with
 * counts for the admin console.
 */
@ApplicationScoped
public class GroupMembers {

    @PersistenceContext(unitName = "roster")
    EntityManager em;

    /**
     * A cursor over the members of these groups. It reads lazily, so it can be used while the response is
     * written, after the transaction that found the groups has ended.
     */
    public MemberCursor of(Collection<Long> groupPks) {
        return new MemberCursor(em, groupPks);
    }

    /** One member as the admin console lists it. */
    public record Listed(String id, String display, String userName) {
    }

    /** The number of members of each group; groups without members are absent. */
    public Map<Long, Long> counts(Collection<Long> groupPks) {
        Map<Long, Long> counts = new HashMap<>();
        if (groupPks.isEmpty()) {
            return counts;
        }
        em.createQuery("select m.groupPk, count(m) from Membership m where m.groupPk in :groups "
                        + "group by m.groupPk", Object[].class)
                .setParameter("groups", List.copyOf(groupPks))
                .getResultList()
                .forEach(row -> counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        return counts;
    }

    /** Members of a group in the order their users were created, from {@code offset}, at most {@code count}. */
    public List<Listed> page(long groupPk, int offset, int count) {
        if (count <= 0) {
            return List.of();
        }
        return em.createQuery("select u.id, u.displayName, u.userName from Membership m join m.member u "
                        + "where m.groupPk = :group order by m.userPk", Object[].class)
                .setParameter("group", groupPk)
                .setFirstResult(offset)
                .setMaxResults(count)
                .getResultList().stream()
                .map(row -> {
                    MemberRow member = new MemberRow(groupPk, 0, (String) row[0], (String) row[1], (String) row[2]);
                    return new Listed(member.id(), member.display(), member.userName());
                })
                .toList();
    }
}
