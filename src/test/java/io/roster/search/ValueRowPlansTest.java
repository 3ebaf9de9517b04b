package io.roster.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.search.control.UniqueValues.Owner;
import io.roster.search.control.ValueRows;
import io.roster.search.entity.IndexedValue;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The searchable value rows on H2: what {@link ValueRows} writes, and how H2 plans the statements on them with the
 * statistics it measured at 1,000,000 users.
 *
 * <p>The rows a user's changed document replaces, by the owner's key: H2 must seek the owner's rows, not every row
 * with the same value (every user has emails.type 'work'; when EclipseLink deleted such rows by all their columns,
 * a PUT took 11-27 s at 1,000,000 users).
 *
 * <p>A value filter, in the shape CriteriaTranslator gives it: the users come by their primary key from the owners
 * the value's index names. With {@code realm_id = ?} beside the {@code pk in (…)}, H2 walks the realm's users
 * instead (1-4 s at 1,000,000 users), which is why the realm is inside the subquery.
 */
class ValueRowPlansTest {

    private Connection connection;

    @BeforeEach
    void database() throws Exception {
        connection = DriverManager.getConnection("jdbc:h2:mem:value-plans-" + UUID.randomUUID());
        for (String migration : new String[] {"V1__users_and_service_accounts.sql", "V2__groups.sql",
                "V3__searchable_user_values.sql", "V4__admin_users_token_usage_provisioning_log.sql",
                "V5__realm_deletion.sql", "V6__role_and_entitlement_catalog.sql", "V7__realm_key_order_indexes.sql",
                "V8__custom_schemas_and_group_values.sql", "V9__value_indexes_end_with_owner.sql"}) {
            migrate(migration);
        }
        execute("insert into scim_user (pk, id, realm_id, user_name, user_name_key, active, document, created_at, "
                + "last_modified, version) select x, 'user-' || x, 'default', 'u' || x, 'u' || x, true, '{}', "
                + "current_timestamp, current_timestamp, 1 from system_range(1, 3000)");
        // per user: a work email (the same type everywhere), a unique title, a number and a boolean
        execute("insert into scim_user_value (user_pk, position, path, element, text_value, text_key, text_prefix) "
                + "select x, 0, 'emails.type', 0, 'work', 'work', 'work' from system_range(1, 3000)");
        execute("insert into scim_user_value (user_pk, position, path, element, text_value, text_key, text_prefix) "
                + "select x, 1, 'title', 0, 'T' || x, 't' || x, 't' || x from system_range(1, 3000)");
        execute("insert into scim_user_value (user_pk, position, path, element, text_value, text_key, text_prefix) "
                + "select x, 4, 'emails.value', 0, 'E' || x, 'e' || x, 'e' || x from system_range(1, 3000)");
        execute("insert into scim_user_value (user_pk, position, path, element, number_value) "
                + "select x, 2, 'urn:x:level', 0, 3 from system_range(1, 3000)");
        execute("insert into scim_user_value (user_pk, position, path, element, bool_value) "
                + "select x, 3, 'emails.primary', 0, true from system_range(1, 3000)");
        // the statistics H2's ANALYZE measured in the benchmark at 1,000,000 users (12 value rows a user)
        for (String selectivity : new String[] {"user_pk selectivity 8", "position selectivity 1",
                "path selectivity 1", "element selectivity 1", "text_value selectivity 25",
                "text_key selectivity 25", "text_prefix selectivity 25", "number_value selectivity 1",
                "time_value selectivity 1", "bool_value selectivity 1"}) {
            execute("alter table scim_user_value alter column " + selectivity);
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void replacingAUsersValueRowsSeeksTheUser() throws SQLException {
        assertSeeksUser(explain("delete from scim_user_value where user_pk = 1234"));
    }

    @Test
    void valueRowsHoldEveryTypeAndAreReplacedAsAWhole() throws SQLException {
        Instant hired = Instant.parse("2024-02-29T12:34:56.789Z");
        List<IndexedValue> values = List.of(IndexedValue.marker("emails", 0),
                IndexedValue.text("emails.value", 0, "Ann.Bee@Example.com"),
                IndexedValue.bool("emails.primary", 0, true),
                IndexedValue.number("urn:x:level", 0, new BigDecimal("3.5")),
                IndexedValue.time("urn:x:hired", 0, hired));
        ValueRows.replace(connection, Owner.USER, 1234, values);
        assertThat(rows("scim_user_value", "user_pk", 1234)).containsExactly(
                "0 emails 0 null null null null null null",
                "1 emails.value 0 Ann.Bee@Example.com ann.bee@example.com ann.bee@example.com null null null",
                "2 emails.primary 0 null null null null null true",
                "3 urn:x:level 0 null null null 3.5000000000 null null",
                "4 urn:x:hired 0 null null null null " + Timestamp.from(hired) + " null");

        ValueRows.replace(connection, Owner.USER, 1234, List.of(IndexedValue.text("title", 0, "CTO")));
        assertThat(rows("scim_user_value", "user_pk", 1234)).as("the old rows are gone")
                .containsExactly("0 title 0 CTO cto cto null null null");
        assertThat(rows("scim_user_value", "user_pk", 1233)).as("other users keep theirs").hasSize(5);

        execute("insert into scim_group (pk, id, realm_id, display_name, display_name_key, document, created_at, "
                + "last_modified, version) values (7, 'group-7', 'default', 'G', 'g', '{}', current_timestamp, "
                + "current_timestamp, 1)");
        String longText = "X" + "y".repeat(250);
        ValueRows.insert(connection, Owner.GROUP, 7, List.of(IndexedValue.text("urn:x:costcenter", 0, longText)));
        assertThat(rows("scim_group_value", "group_pk", 7)).as("the prefix is the key's first 200 characters")
                .singleElement().asString().startsWith("0 urn:x:costcenter 0 " + longText + " "
                        + longText.toLowerCase() + " " + longText.toLowerCase().substring(0, 200) + " ");
    }

    /** The rows of one owner by position: every column but the owner's key, separated by spaces. */
    private List<String> rows(String table, String ownerColumn, long owner) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select position, path, element, text_value, "
                + "text_key, text_prefix, number_value, time_value, bool_value from " + table + " where "
                + ownerColumn + " = ? order by position")) {
            query.setLong(1, owner);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    StringBuilder line = new StringBuilder();
                    for (int column = 1; column <= 9; column++) {
                        line.append(column == 1 ? "" : " ").append(row.getObject(column));
                    }
                    rows.add(line.toString());
                }
            }
        }
        return rows;
    }

    @Test
    void aValueFilterReadsTheUsersItFindsByTheirKeys() throws SQLException {
        String owners = "select t1.pk from scim_user t1 join scim_user_value t2 on t2.user_pk = t1.pk where t2.path = "
                + "'emails.value' and t2.text_prefix = 'e1234' and t2.text_key = 'e1234' and exists (select 1 from "
                + "scim_user_value t3 where t3.user_pk = t1.pk and t3.path = 'emails.type' and t3.element = t2.element "
                + "and t3.text_prefix = 'work' and t3.text_key = 'work') and t1.realm_id = 'default'";
        String translated = outerIndex(explain("select t0.pk from scim_user t0 where t0.pk in (" + owners + ") "
                + "order by t0.pk fetch first 100 rows only"));
        assertThat(translated).startsWith("PUBLIC.PRIMARY_KEY_");

        String withOuterRealm = outerIndex(explain("select t0.pk from scim_user t0 where t0.realm_id = 'default' and "
                + "t0.pk in (" + owners + ") order by t0.pk fetch first 100 rows only"));
        assertThat(withOuterRealm).as("the shape this test would catch a return to").doesNotStartWith("PUBLIC.PRIMARY_KEY_");
    }

    /** The index H2 reads the outer query's table by: the first comment of the plan. */
    private static String outerIndex(String plan) {
        return plan.substring(plan.indexOf("/*") + 2).strip();
    }

    private static void assertSeeksUser(String plan) {
        // the index conditions are the comment between the table and WHERE
        String indexConditions = plan.substring(plan.indexOf("/*"), plan.indexOf("*/"));
        assertThat(indexConditions).as(plan).contains("USER_PK = CAST(1234 AS BIGINT)");
    }

    private String explain(String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("explain " + sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private void migrate(String name) throws IOException, SQLException {
        try (InputStream in = getClass().getResourceAsStream("/db/migration/" + name)) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${document_type}", "varchar(1000000)").replace("${long_text_type}", "varchar(65536)");
            for (String statement : sql.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    execute(statement);
                }
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
