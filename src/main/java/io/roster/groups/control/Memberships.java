package io.roster.groups.control;

import io.roster.groups.entity.Group;
import io.roster.platform.DatabaseKind;
import io.roster.protocol.control.ForeignKeyViolation;
import io.roster.protocol.entity.ScimException;
import io.roster.search.control.SearchCache;
import io.roster.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Changes of group members as set operations in SQL on {@code scim_group_member}; the member list is never read
 * to change it. Users travel as array parameters ({@code = any(?)}, index-backed on H2 and PostgreSQL) of at most
 * {@value #CHUNK} elements, so a change of up to {@value #CHUNK} members (Okta sends at most that many per PATCH)
 * is one statement, and a larger one a statement per {@value #CHUNK} (H2 slows down quadratically on larger
 * arrays).
 *
 * <p>Callers hold the group's row lock ({@link GroupStore#findForUpdate}) or have just created the group, so an
 * "insert … where not exists" for a group never runs concurrently with another one for the same group: adding
 * an existing member is a no-op, and no insert can collide on the primary key.
 *
 * <p>Users and groups are deleted here too, with their memberships ({@link #delete(User)}, {@link #delete(Group)}):
 * H2's cascade alone could not be trusted with memberships that other transactions were changing.
 */
@ApplicationScoped
public class Memberships {

    static final int CHUNK = 1000;

    private static final String USERS_OF_REALM =
            "select u.pk, u.id from scim_user u where u.realm_id = ? and u.id = any(?)";

    static final String INSERT_MISSING =
            "insert into scim_group_member (group_pk, user_pk) select ?, u.pk from scim_user u "
                    + "where u.pk = any(?) and not exists "
                    + "(select 1 from scim_group_member m where m.group_pk = ? and m.user_pk = u.pk)";

    /**
     * PostgreSQL's own form: its planner may join "not exists" by scanning the member table when its statistics
     * still say the table is small (as right after a bulk push), which costs seconds for a large group.
     */
    private static final String INSERT_MISSING_POSTGRESQL =
            "insert into scim_group_member (group_pk, user_pk) select ?, u.pk from scim_user u "
                    + "where u.pk = any(?) on conflict do nothing";

    /**
     * Members by user key. (The users' keys are looked up first: deleting by
     * {@code user_pk in (select u.pk from scim_user u where u.id = any(?))} made H2 evaluate the subquery for
     * every member of the group, 35 s to remove 1,000 members of a 100,000-member group; BENCHMARKS.md.)
     */
    static final String DELETE_LISTED =
            "delete from scim_group_member where group_pk = ? and user_pk = any(?)";

    /** The members with a key in [from, to) that are not listed. */
    static final String DELETE_UNLISTED_IN_RANGE =
            "delete from scim_group_member where group_pk = ? and user_pk >= ? and user_pk < ? "
                    + "and not (user_pk = any(?))";

    private static final String DELETE_ALL = "delete from scim_group_member where group_pk = ?";

    private static final String LOCK_USERS = "select pk from scim_user where pk = any(?) order by pk for update";

    private static final String DELETE_OF_USER = "delete from scim_group_member where user_pk = ?";

    /** How often a deletion that counted no row is repeated while the row is still there ({@link #deleteLocked}). */
    private static final int DELETE_ATTEMPTS = 5;

    @PersistenceContext(unitName = "roster")
    EntityManager em;

    private volatile DatabaseKind kind;

    /**
     * Adds users to the group; members already there stay as they are (RFC 7644 §3.5.2.1: no duplicates).
     *
     * @return the number of members added
     * @throws ScimException 400 invalidValue, before anything is written, if an id names no user of the realm
     */
    public int add(Group group, Collection<String> userIds) {
        SearchCache.written();
        if (userIds.isEmpty()) {
            return 0;
        }
        Connection connection = connection();
        DatabaseKind kind = kind(connection);
        long[] keys = userKeys(connection, group.realm(), userIds, true);
        lockUsersOnH2(connection, kind, keys);
        return insertMissing(connection, kind, group, keys);
    }

    /** Removes the users from the group; ids of non-members or of no user are ignored (RFC 7644 §3.5.2.2). */
    public int remove(Group group, Collection<String> userIds) {
        SearchCache.written();
        if (userIds.isEmpty()) {
            return 0;
        }
        Connection connection = connection();
        int removed = 0;
        for (long[] chunk : chunks(userKeys(connection, group.realm(), userIds, false))) {
            removed += update(connection, DELETE_LISTED, statement -> {
                statement.setLong(1, group.pk());
                statement.setArray(2, connection.createArrayOf("bigint", boxed(chunk)));
            });
        }
        return removed;
    }

    /**
     * Deletes a user that this transaction holds locked ({@code UserStore#findForUpdate}), with its memberships; its
     * searchable values go with it (ON DELETE CASCADE).
     */
    public void delete(User user) {
        deleteLocked("scim_user", DELETE_OF_USER, user.pk());
        em.detach(user);
    }

    /** Deletes a group that this transaction holds locked, with its memberships; its users stay. */
    public void delete(Group group) {
        deleteLocked("scim_group", DELETE_ALL, group.pk());
        em.detach(group);
    }

    /**
     * The memberships go first, by a statement of their own, then the row by its key (the lock taken before makes
     * a version check redundant). On H2 (2.2.224, and 2.3 and 2.4 alike) a delete whose cascade meets membership
     * rows that concurrent group changes are deleting or inserting can count no row although the row was there and
     * locked, or delete the row and leave memberships behind: a user's DELETE racing group changes answered 409
     * (about one delete in ninety under a mixed load like GroupsIT's; DeletionRaceTest). So when the row's delete
     * counts nothing, the memberships are deleted again, and the row's delete is repeated while the row is still
     * there. PostgreSQL never takes that path.
     */
    private void deleteLocked(String table, String deleteMemberships, long pk) {
        SearchCache.written();
        Connection connection = connection();
        Parameters key = statement -> statement.setLong(1, pk);
        update(connection, deleteMemberships, key);
        for (int attempt = 1; update(connection, "delete from " + table + " where pk = ?", key) == 0; attempt++) {
            update(connection, deleteMemberships, key);
            if (!exists(connection, table, pk)) {
                return;
            }
            if (attempt == DELETE_ATTEMPTS) {
                throw new LockTimeoutException("The database did not delete the row " + pk + " of " + table
                        + " in " + DELETE_ATTEMPTS + " attempts");
            }
        }
    }

    private static boolean exists(Connection connection, String table, long pk) {
        try (PreparedStatement statement = connection.prepareStatement("select 1 from " + table + " where pk = ?")) {
            statement.setLong(1, pk);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new PersistenceException("Reading a row to delete failed", e);
        }
    }

    public int removeAll(Group group) {
        SearchCache.written();
        return update(connection(), DELETE_ALL, statement -> statement.setLong(1, group.pk()));
    }

    /**
     * Makes exactly these users the members, as a set difference in SQL: members not listed are deleted, listed
     * users not yet members are inserted, members in both stay untouched. Deletion goes through the listed users'
     * keys in sorted chunks, each covering a key range up to the next chunk, so every member falls in one range.
     *
     * @return the number of memberships deleted or inserted
     */
    public int replace(Group group, Collection<String> userIds) {
        SearchCache.written();
        if (userIds.isEmpty()) {
            return removeAll(group);
        }
        Connection connection = connection();
        DatabaseKind kind = kind(connection);
        long[] keys = userKeys(connection, group.realm(), userIds, true);
        lockUsersOnH2(connection, kind, keys);
        List<long[]> chunks = chunks(keys);
        int changed = 0;
        for (int i = 0; i < chunks.size(); i++) {
            long[] chunk = chunks.get(i);
            long from = i == 0 ? Long.MIN_VALUE : chunk[0];
            long to = i == chunks.size() - 1 ? Long.MAX_VALUE : chunks.get(i + 1)[0];
            changed += update(connection, DELETE_UNLISTED_IN_RANGE, statement -> {
                statement.setLong(1, group.pk());
                statement.setLong(2, from);
                statement.setLong(3, to);
                statement.setArray(4, connection.createArrayOf("bigint", boxed(chunk)));
            });
        }
        return changed + insertMissing(connection, kind, group, keys);
    }

    /**
     * On H2, locks the users about to become members until the transaction ends, before any membership of the
     * group changes (so in the order user, then membership rows, as a user's delete takes them: no deadlock). H2
     * checks a new membership's foreign key without regard to a concurrent delete of the user: without the lock, a
     * user deleted while the insert was not yet committed left a membership of no user behind. PostgreSQL's own
     * foreign key check locks the user row ({@code for key share}) and needs none of this.
     */
    private static void lockUsersOnH2(Connection connection, DatabaseKind kind, long[] userKeys) {
        if (kind != DatabaseKind.H2) {
            return;
        }
        for (long[] chunk : chunks(userKeys)) {
            try (PreparedStatement statement = connection.prepareStatement(LOCK_USERS)) {
                statement.setArray(1, connection.createArrayOf("bigint", boxed(chunk)));
                statement.executeQuery().close();
            } catch (SQLException e) {
                throw new PersistenceException("Locking the users of new members failed", e);
            }
        }
    }

    /**
     * A user deleted after {@link #userKeys} found it and before the insert commits makes the insert fail its
     * foreign key on PostgreSQL (the delete went first): that is the same answer as for an unknown id, not a server
     * error. Not prevented there by locking the users, which would cost a row write per member of every large push
     * for a rare race.
     */
    private int insertMissing(Connection connection, DatabaseKind kind, Group group, long[] userKeys) {
        boolean postgresql = kind == DatabaseKind.POSTGRESQL;
        int inserted = 0;
        try {
            for (long[] chunk : chunks(userKeys)) {
                inserted += update(connection, postgresql ? INSERT_MISSING_POSTGRESQL : INSERT_MISSING, statement -> {
                    statement.setLong(1, group.pk());
                    statement.setArray(2, connection.createArrayOf("bigint", boxed(chunk)));
                    if (!postgresql) {
                        statement.setLong(3, group.pk());
                    }
                });
            }
        } catch (PersistenceException e) {
            if (ForeignKeyViolation.in(e)) {
                throw ScimException.invalidValue("members: a user given as a member was deleted while this request "
                        + "ran; a member's value must be the id of a user of this directory");
            }
            throw e;
        }
        return inserted;
    }

    /**
     * The kind of database, read from the first connection and kept: it cannot change while Roster runs (a change
     * of database needs a restart or redeploy, {@code Startup}), and reading it costs a metadata call per change.
     */
    private DatabaseKind kind(Connection connection) {
        DatabaseKind known = kind;
        if (known != null) {
            return known;
        }
        try {
            known = DatabaseKind.of(connection.getMetaData().getURL());
        } catch (SQLException e) {
            throw new PersistenceException("Reading the database's metadata failed", e);
        }
        kind = known;
        return known;
    }

    /**
     * The keys of the realm's users with these ids, sorted.
     *
     * @param strict whether an id of no user of the realm is 400 invalidValue (adding) or ignored (removing)
     */
    private static long[] userKeys(Connection connection, String realm, Collection<String> userIds, boolean strict) {
        List<Long> keys = new ArrayList<>(userIds.size());
        Set<String> found = new HashSet<>();
        for (List<String> chunk : chunks(List.copyOf(userIds))) {
            try (PreparedStatement statement = connection.prepareStatement(USERS_OF_REALM)) {
                statement.setString(1, realm);
                statement.setArray(2, connection.createArrayOf("varchar", chunk.toArray()));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        keys.add(rows.getLong(1));
                        found.add(rows.getString(2));
                    }
                }
            } catch (SQLException e) {
                throw new PersistenceException("Looking up the users of members failed", e);
            }
        }
        List<String> unknown = strict ? userIds.stream().filter(id -> !found.contains(id)).toList() : List.of();
        if (!unknown.isEmpty()) {
            throw ScimException.invalidValue("members: no user has the id '" + unknown.get(0) + "'"
                    + (unknown.size() > 1 ? " (nor do " + (unknown.size() - 1) + " more of the ids given)" : "")
                    + "; a member's value must be the id of a user of this directory");
        }
        return keys.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    private static int update(Connection connection, String sql, Parameters parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.set(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("Changing group members failed", e);
        }
    }

    private static List<List<String>> chunks(List<String> values) {
        List<List<String>> chunks = new ArrayList<>();
        for (int start = 0; start < values.size(); start += CHUNK) {
            chunks.add(values.subList(start, Math.min(values.size(), start + CHUNK)));
        }
        return chunks;
    }

    private static List<long[]> chunks(long[] values) {
        List<long[]> chunks = new ArrayList<>();
        for (int start = 0; start < values.length; start += CHUNK) {
            chunks.add(Arrays.copyOfRange(values, start, Math.min(values.length, start + CHUNK)));
        }
        return chunks;
    }

    private static Long[] boxed(long[] values) {
        return Arrays.stream(values).boxed().toArray(Long[]::new);
    }

    /**
     * The connection of the current transaction, after EclipseLink has written what it holds (a group created in
     * this transaction must exist before its memberships). Owned by the persistence context: never closed here.
     */
    private Connection connection() {
        em.flush();
        return em.unwrap(Connection.class);
    }
}
