package io.roster.groups.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.groups.entity.Group;
import io.roster.protocol.entity.ScimException;
import io.roster.users.entity.User;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deleting users and groups with their memberships on H2 (the real schema, migrated by Flyway as at start-up), alone
 * and while other transactions change the same memberships: there, H2's own cascade miscounted and its foreign key
 * let memberships outlive their users (see {@code Memberships.deleteLocked} and {@code Memberships.lockUsersOnH2}).
 */
class DeletionRaceTest {

    private static final int GROUPS = 4;
    private static final int USERS_PER_ROUND = 6;

    private String url;
    private Connection connection;
    private long nextUser = 1;

    @BeforeEach
    void database() throws SQLException {
        url = "jdbc:h2:mem:deletion-" + UUID.randomUUID() + ";LOCK_TIMEOUT=10000";
        connection = DriverManager.getConnection(url);
        Flyway.configure().dataSource(url, "", "").locations("classpath:db/migration", "classpath:db/h2")
                .placeholders(Map.of("document_type", "varchar(1000000)", "long_text_type", "varchar(65536)"))
                .load().migrate();
        for (int g = 1; g <= GROUPS; g++) {
            execute("insert into scim_group (pk, id, realm_id, display_name, display_name_key, document, created_at, "
                    + "last_modified, version) values (" + g + ", 'group-" + g + "', 'default', 'g" + g + "', 'g" + g
                    + "', '{}', current_timestamp, current_timestamp, 1)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void aUserGoesWithItsMembershipsAndValuesAndNothingElse() throws Exception {
        long[] users = users(2);
        execute("insert into scim_user_value (user_pk, position, path, element, text_value, text_key, text_prefix) "
                + "values (" + users[0] + ", 0, 'title', 0, 'Boss', 'boss', 'boss')");

        inTransaction(memberships -> memberships.delete(user(users[0])));

        assertThat(count("select count(*) from scim_user where pk = " + users[0])).isZero();
        assertThat(count("select count(*) from scim_group_member where user_pk = " + users[0])).isZero();
        assertThat(count("select count(*) from scim_user_value where user_pk = " + users[0])).isZero();
        assertThat(count("select count(*) from scim_group_member where user_pk = " + users[1]))
                .as("the other user keeps its memberships").isEqualTo(GROUPS);
        assertThat(count("select count(*) from scim_group")).isEqualTo(GROUPS);
    }

    @Test
    void aGroupGoesWithItsMembershipsAndItsUsersStay() throws Exception {
        long[] users = users(3);

        inTransaction(memberships -> memberships.delete(group(1)));

        assertThat(count("select count(*) from scim_group where pk = 1")).isZero();
        assertThat(count("select count(*) from scim_group_member where group_pk = 1")).isZero();
        assertThat(count("select count(*) from scim_group_member")).isEqualTo(3L * (GROUPS - 1));
        assertThat(count("select count(*) from scim_user where pk in (" + users[0] + ", " + users[1] + ", "
                + users[2] + ")")).isEqualTo(3);
    }

    /**
     * A user is added to a group, and deleted before that addition commits: H2 checked the new membership's foreign
     * key without regard to the delete, and the membership outlived its user unless the addition locks the user.
     */
    @Test
    void aMembershipAddedWhileItsUserIsDeletedDoesNotOutliveTheUser() throws Exception {
        long user = users(1)[0];
        execute("delete from scim_group_member where user_pk = " + user);
        CountDownLatch added = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Void> add = pool.submit(() -> inTransaction(memberships -> {
                lock("scim_group", 1);
                assertThat(memberships.add(group(1), List.of(id(user)))).isEqualTo(1);
                added.countDown();
                Thread.sleep(300); // the delete starts while this addition is not committed
            }));
            assertThat(added.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Void> delete = pool.submit(() -> inTransaction(memberships -> {
                lock("scim_user", user);
                memberships.delete(user(user));
            }));
            add.get(10, TimeUnit.SECONDS);
            delete.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(count("select count(*) from scim_user where pk = " + user)).isZero();
        assertThat(count("select count(*) from scim_group_member where user_pk = " + user))
                .as("memberships of the deleted user").isZero();
    }

    /**
     * Rounds of six users in every group; in each, three of them are deleted while 40 transactions remove members,
     * replace member lists and add members of the same groups. Each delete holds the user's lock first, as
     * {@code DELETE /Users/{id}} does. H2's cascade alone counted no deleted row for about one delete in twenty
     * here, and left memberships of deleted users behind.
     */
    @Test
    void deletesRacingMembershipChangesAllGoThroughAndLeaveNoMembers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Long> deleted = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        try {
            for (int round = 0; round < 100; round++) {
                long[] users = users(USERS_PER_ROUND);
                Random random = new Random(round);
                List<Callable<Void>> work = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    work.add(membershipChange(i % 3, 1 + random.nextInt(GROUPS), users[random.nextInt(users.length)],
                            users[random.nextInt(users.length)]));
                }
                for (int d = 0; d < 3; d++) {
                    long user = users[d];
                    deleted.add(user);
                    work.add(random.nextInt(work.size()), () -> inTransaction(memberships -> {
                        lock("scim_user", user);
                        memberships.delete(user(user));
                    }));
                }
                for (Future<Void> done : pool.invokeAll(work)) {
                    try {
                        done.get();
                    } catch (Exception e) {
                        failures.add(e.getCause());
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(failures).isEmpty();
        assertThat(count("select count(*) from scim_user where pk in (" + keys(deleted) + ")"))
                .as("users deleted").isZero();
        assertThat(count("select count(*) from scim_group_member m where not exists "
                + "(select 1 from scim_user u where u.pk = m.user_pk)")).as("memberships of deleted users").isZero();
    }

    /** A group change as PATCH and PUT make it: the group's lock, then a removal, a replacement or an addition. */
    private Callable<Void> membershipChange(int kind, long group, long a, long b) {
        return () -> inTransaction(memberships -> {
            lock("scim_group", group);
            try {
                switch (kind) {
                    case 0 -> memberships.remove(group(group), List.of(id(a)));
                    case 1 -> memberships.replace(group(group), List.of(id(b), id(a)));
                    default -> memberships.add(group(group), List.of(id(a), id(b)));
                }
            } catch (ScimException userDeletedMeanwhile) {
                assertThat(userDeletedMeanwhile.status()).isEqualTo(400);
            }
        });
    }

    private interface Work {
        void run(Memberships memberships) throws Exception;
    }

    /** One transaction on a connection of its own, with Memberships bound to it; committed unless it fails. */
    private Void inTransaction(Work work) throws Exception {
        try (Connection transaction = DriverManager.getConnection(url)) {
            transaction.setAutoCommit(false);
            CURRENT.set(transaction);
            try {
                Memberships memberships = new Memberships();
                memberships.em = MembershipsTest.entityManager(transaction);
                work.run(memberships);
                transaction.commit();
            } catch (Exception e) {
                transaction.rollback();
                throw e;
            } finally {
                CURRENT.remove();
            }
        }
        return null;
    }

    private static final ThreadLocal<Connection> CURRENT = new ThreadLocal<>();

    private static void lock(String table, long pk) throws SQLException {
        try (PreparedStatement statement = CURRENT.get()
                .prepareStatement("select version from " + table + " where pk = ? for update")) {
            statement.setLong(1, pk);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
            }
        }
    }

    /** New users, each a member of every group. */
    private long[] users(int count) throws SQLException {
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) {
            long pk = nextUser++;
            keys[i] = pk;
            execute("insert into scim_user (pk, id, realm_id, user_name, user_name_key, active, document, created_at, "
                    + "last_modified, version) values (" + pk + ", '" + id(pk) + "', 'default', 'u" + pk + "', 'u" + pk
                    + "', true, '{}', current_timestamp, current_timestamp, 1)");
            for (int g = 1; g <= GROUPS; g++) {
                execute("insert into scim_group_member (group_pk, user_pk) values (" + g + ", " + pk + ")");
            }
        }
        return keys;
    }

    private static String id(long userPk) {
        return "user-" + userPk;
    }

    private static User user(long pk) throws ReflectiveOperationException {
        return withKey(new User(id(pk), "default", Instant.now()), User.class, pk);
    }

    private static Group group(long pk) throws ReflectiveOperationException {
        return withKey(new Group("group-" + pk, "default", Instant.now()), Group.class, pk);
    }

    private static <T> T withKey(T entity, Class<T> type, long pk) throws ReflectiveOperationException {
        Field key = type.getDeclaredField("pk");
        key.setAccessible(true);
        key.set(entity, pk);
        return entity;
    }

    private static String keys(List<Long> keys) {
        return String.join(", ", keys.stream().map(String::valueOf).toList());
    }

    private long count(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
