package io.roster.users.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.platform.MigratedH2;
import io.roster.schema.control.ResourceValidator;
import io.roster.schema.entity.CoreSchemas;
import io.roster.search.control.UniqueValues.Owner;
import io.roster.search.control.ValueRows;
import io.roster.users.entity.User;
import io.roster.users.entity.UserAttributes;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A user's value rows through {@link UserStore#update} on the real schema (Flyway's migrations on H2): written only
 * when they change, and compared with what this transaction last wrote, not with the rows it first read.
 */
class UserStoreValueRowsTest {

    private Connection connection;
    private UserStore store;

    @BeforeEach
    void schema() throws SQLException {
        connection = DriverManager.getConnection(MigratedH2.url("user-values"), "sa", "");
        store = new UserStore();
        store.em = (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "flush" -> null;
                    case "unwrap" -> connection;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void twoUpdatesInOneTransactionLeaveTheRowsOfTheSecond() throws Exception {
        UserAttributes first = attributes("a@example.com");
        User user = storedUser(first);

        store.update(user, attributes("b@example.com"));
        assertThat(emails()).containsExactly("b@example.com");

        store.update(user, first);
        assertThat(emails()).as("back to the rows the transaction first read").containsExactly("a@example.com");
    }

    @Test
    void anUpdateThatKeepsTheValuesWritesNoRows() throws Exception {
        UserAttributes attributes = attributes("a@example.com");
        User user = storedUser(attributes);
        execute("delete from scim_user_value");

        store.update(user, attributes);
        assertThat(emails()).as("the rows read were the same, so none was written").isEmpty();
    }

    /** A user as a transaction reads it: its row in the table, its value rows loaded into the entity. */
    private User storedUser(UserAttributes attributes) throws Exception {
        User user = new User(UUID.randomUUID().toString(), "default", Instant.now());
        user.update(attributes, Instant.now());
        Field pk = User.class.getDeclaredField("pk");
        pk.setAccessible(true);
        pk.set(user, 7L);
        Field values = User.class.getDeclaredField("values");
        values.setAccessible(true);
        values.set(user, new ArrayList<>(attributes.values()));
        execute("insert into scim_user (pk, id, realm_id, user_name, user_name_key, active, document, created_at, "
                + "last_modified, version) values (7, '" + user.id() + "', 'default', 'ann', 'ann', true, '{}', "
                + "current_timestamp, current_timestamp, 1)");
        ValueRows.insert(connection, Owner.USER, 7, attributes.values());
        return user;
    }

    private static UserAttributes attributes(String email) {
        var input = Json.createObjectBuilder().add("schemas", Json.createArrayBuilder().add(CoreSchemas.USER))
                .add("userName", "ann").add("active", true)
                .add("emails", Json.createArrayBuilder().add(Json.createObjectBuilder().add("value", email)
                        .add("type", "work")))
                .build();
        return UserAttributes.of(new ResourceValidator(CoreSchemas.USER_TYPE).normalize(input), CoreSchemas.USER_TYPE);
    }

    private List<String> emails() throws SQLException {
        List<String> emails = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select text_value from scim_user_value where user_pk = 7 "
                        + "and path = 'emails.value' order by position")) {
            while (rows.next()) {
                emails.add(rows.getString(1));
            }
        }
        return emails;
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
