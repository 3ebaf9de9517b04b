package io.roster.groups.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The members of some groups in (group, user) key order, fetched {@value #CHUNK} at a time with keyset paging on
 * the join table's primary key, so that a group of any size is written without holding its members in memory.
 * Small groups share a query; a large group is read in chunks of its own.
 */
public final class MemberCursor {

    static final int CHUNK = 1000;

    private static final String SELECT = "select m.groupPk, m.userPk, u.id, u.displayName, u.userName "
            + "from Membership m join m.member u ";

    private final EntityManager em;
    private final Deque<MemberRow> buffer = new ArrayDeque<>();
    private NavigableSet<Long> unread;
    /** The group whose members a chunk ended in, and the last member read of it; null when none. */
    private Long openGroup;
    private long lastUser;

    MemberCursor(EntityManager em, Collection<Long> groupPks) {
        this.em = em;
        this.unread = new TreeSet<>(groupPks);
    }

    /** Calls {@code action} for every member of the group; groups must be asked for in ascending key order. */
    void forEachMemberOf(long groupPk, Consumer<MemberRow> action) {
        for (MemberRow row = peek(); row != null && row.groupPk() <= groupPk; row = peek()) {
            buffer.removeFirst();
            if (row.groupPk() == groupPk) {
                action.accept(row);
            }
        }
    }

    private MemberRow peek() {
        while (buffer.isEmpty() && (openGroup != null || !unread.isEmpty())) {
            buffer.addAll(openGroup != null ? restOfOpenGroup() : firstOfUnread());
        }
        return buffer.peekFirst();
    }

    private List<MemberRow> restOfOpenGroup() {
        List<MemberRow> rows = rows(em.createQuery(SELECT + "where m.groupPk = :group and m.userPk > :after "
                        + "order by m.userPk", Object[].class)
                .setParameter("group", openGroup)
                .setParameter("after", lastUser));
        if (rows.size() < CHUNK) {
            openGroup = null;
        } else {
            lastUser = rows.get(rows.size() - 1).userPk();
        }
        return rows;
    }

    private List<MemberRow> firstOfUnread() {
        List<MemberRow> rows = rows(em.createQuery(SELECT + "where m.groupPk in :groups "
                        + "order by m.groupPk, m.userPk", Object[].class)
                .setParameter("groups", new ArrayList<>(unread)));
        if (rows.size() < CHUNK) {
            unread = new TreeSet<>();
        } else {
            // groups before the last row's are complete; the last row's group may go on; later ones are unread
            MemberRow last = rows.get(rows.size() - 1);
            openGroup = last.groupPk();
            lastUser = last.userPk();
            unread = unread.tailSet(last.groupPk(), false);
        }
        return rows;
    }

    private static List<MemberRow> rows(TypedQuery<Object[]> query) {
        List<MemberRow> rows = new ArrayList<>(CHUNK);
        for (Object[] row : query.setMaxResults(CHUNK).getResultList()) {
            rows.add(new MemberRow(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), (String) row[2],
                    (String) row[3], (String) row[4]));
        }
        return rows;
    }
}
