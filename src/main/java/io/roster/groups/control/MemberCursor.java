package io.roster.groups.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.NavigableSet;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The members of some groups in (group, user) key order, fetched {@value #CHUNK} at a time with keyset paging on
 * the join table's primary key, so that a group of any size is written without holding its members in memory.
 * Small groups share a query; a large group is read in chunks of its own.
 */
public final class MemberCursor {

    static final int CHUNK = 1000;

    /**
     * Native SQL, so that the member table drives: the derived table takes one chunk of keys from the member
     * table's primary key, and each is joined to {@code scim_user} by its primary key. (Written as a JPQL join, H2
     * planned a scan of {@code scim_user} for every chunk: a 100,000-member group at a million users did not
     * finish within a minute.) The bound on {@code u.pk} repeats the one on the member key: PostgreSQL merge-joins
     * the chunk with {@code scim_user}'s primary key, and without it scanned that index from its first key for
     * every chunk (50,000 index rows for a chunk of 1,000 half-way through a group of 100,000).
     */
    private static final String SELECT = "select m.group_pk, m.user_pk, u.id, u.display_name, u.user_name "
            + "from (select group_pk, user_pk from scim_group_member where %s "
            + "order by group_pk, user_pk fetch first " + CHUNK + " rows only) m "
            + "join scim_user u on u.pk = m.user_pk%s order by m.group_pk, m.user_pk";

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
        List<MemberRow> rows = rows(em.createNativeQuery(
                        SELECT.formatted("group_pk = ?1 and user_pk > ?2", " and u.pk > ?2"))
                .setParameter(1, openGroup)
                .setParameter(2, lastUser));
        if (rows.size() < CHUNK) {
            openGroup = null;
        } else {
            lastUser = rows.get(rows.size() - 1).userPk();
        }
        return rows;
    }

    private List<MemberRow> firstOfUnread() {
        List<Long> groups = new ArrayList<>(unread);
        StringJoiner placeholders = new StringJoiner(", ", "group_pk in (", ")");
        for (int i = 1; i <= groups.size(); i++) {
            placeholders.add("?" + i);
        }
        Query query = em.createNativeQuery(SELECT.formatted(placeholders, ""));
        for (int i = 1; i <= groups.size(); i++) {
            query.setParameter(i, groups.get(i - 1));
        }
        List<MemberRow> rows = rows(query);
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

    private static List<MemberRow> rows(Query query) {
        List<MemberRow> rows = new ArrayList<>(CHUNK);
        for (Object result : query.getResultList()) {
            Object[] row = (Object[]) result;
            rows.add(new MemberRow(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), (String) row[2],
                    (String) row[3], (String) row[4]));
        }
        return rows;
    }
}
