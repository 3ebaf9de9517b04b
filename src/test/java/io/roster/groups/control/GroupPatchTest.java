package io.roster.groups.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roster.groups.entity.Group;
import io.roster.groups.entity.GroupAttributes;
import io.roster.patch.entity.PatchRequest;
import io.roster.protocol.entity.ScimException;
import io.roster.schema.control.SchemaRegistries;
import io.roster.schema.entity.CoreSchemas;
import io.roster.search.control.UniqueValues;
import jakarta.json.Json;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which PATCH operations become member-table operations, in which order, and which go to the document. */
class GroupPatchTest {

    private final List<String> calls = new ArrayList<>();
    private final GroupPatch patch = new GroupPatch();
    private Group group;

    @BeforeEach
    void wiring() {
        group = new Group("g-1", "default", Instant.parse("2024-01-01T00:00:00Z"));
        group.update(GroupAttributes.of(Json.createObjectBuilder().add("displayName", "Sales").build(),
                CoreSchemas.GROUP_TYPE),
                group.created());
        patch.store = new GroupStore() {
            @Override
            public void update(Group changed, GroupAttributes attributes) {
                changed.update(attributes, Instant.now());
                calls.add("update " + changed.document());
            }

            @Override
            public void touch(Group changed) {
                calls.add("touch");
            }
        };
        patch.schemas = SchemaRegistries.withoutCustomSchemas();
        patch.writes = new GroupWrites();
        patch.writes.store = patch.store;
        patch.writes.schemas = patch.schemas;
        patch.writes.uniqueValues = new UniqueValues();
        patch.memberships = new Memberships() {
            @Override
            public int add(Group g, Collection<String> ids) {
                calls.add("add " + ids);
                return ids.size();
            }

            @Override
            public int remove(Group g, Collection<String> ids) {
                calls.add("remove " + ids);
                return ids.size();
            }

            @Override
            public int removeAll(Group g) {
                calls.add("removeAll");
                return 1;
            }

            @Override
            public int replace(Group g, Collection<String> ids) {
                calls.add("replace " + ids);
                return 1;
            }
        };
    }

    @Test
    void oktaRenameWithItsOwnIdTouchesOnlyTheDocument() {
        apply("{\"op\": \"replace\", \"value\": {\"id\": \"g-1\", \"displayName\": \"Sales EMEA\"}}");
        assertThat(calls).containsExactly("update {\"displayName\":\"Sales EMEA\"}");
        calls.clear();
        apply("{\"op\": \"replace\", \"value\": {\"id\": \"g-1\", \"displayName\": \"Sales EMEA\"}}");
        assertThat(calls).as("the same name again changes nothing").isEmpty();
    }

    @Test
    void oktaMembershipPatchRunsInOrderAndMakesANewVersion() {
        apply("{\"op\": \"replace\", \"value\": {\"id\": \"g-1\", \"displayName\": \"Sales\"}}",
                "{\"op\": \"remove\", \"path\": \"members[value eq \\\"a\\\"]\"}",
                "{\"op\": \"remove\", \"path\": \"members[value eq \\\"b\\\" or value eq \\\"c\\\"]\"}",
                "{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \"d\", \"display\": \"D\"}]}");
        assertThat(calls).containsExactly("remove [a]", "remove [b, c]", "add [d]", "touch");
    }

    @Test
    void entraDialect() {
        apply("{\"op\": \"Add\", \"path\": \"members\", \"value\": [{\"$ref\": null, \"value\": \"a\"}, "
                        + "{\"$ref\": null, \"value\": \"b\"}]}",
                "{\"op\": \"Remove\", \"path\": \"members\", \"value\": [{\"value\": \"a\"}]}",
                "{\"op\": \"Replace\", \"path\": \"externalId\", \"value\": \"ext-1\"}");
        assertThat(calls).containsExactly("add [a, b]", "remove [a]",
                "update {\"externalId\":\"ext-1\",\"displayName\":\"Sales\"}");
    }

    @Test
    void membersInsidePathlessValuesAndOtherForms() {
        apply("{\"op\": \"replace\", \"value\": {\"displayName\": \"X\", \"members\": [{\"value\": \"a\"}]}}",
                "{\"op\": \"add\", \"value\": {\"members\": [\"b\"]}}",
                "{\"op\": \"replace\", \"path\": \"members\", \"value\": []}",
                "{\"op\": \"remove\", \"path\": \"members\"}",
                "{\"op\": \"add\", \"path\": \"urn:ietf:params:scim:schemas:core:2.0:Group:members\", \"value\": "
                        + "{\"value\": \"c\"}}");
        assertThat(calls).containsExactly("replace [a]", "add [b]", "replace []", "removeAll", "add [c]",
                "update {\"displayName\":\"X\"}");
    }

    @Test
    void errorsNameTheOperation() {
        assertError("invalidPath", "Operations[1]", "{\"op\": \"add\", \"path\": \"members\", \"value\": []}",
                "{\"op\": \"add\", \"path\": \"members[value eq \\\"a\\\"]\", \"value\": {\"value\": \"a\"}}");
        assertError("invalidFilter", "Operations[0]", "{\"op\": \"remove\", \"path\": \"members[display eq \\\"A\\\"]\"}");
        assertError("invalidPath", "Operations[0]", "{\"op\": \"replace\", \"path\": \"members.display\", \"value\": \"A\"}");
        assertError("mutability", "Operations[1]", "{\"op\": \"add\", \"path\": \"members\", \"value\": [\"b\"]}",
                "{\"op\": \"replace\", \"path\": \"members[value eq \\\"a\\\"].value\", \"value\": \"b\"}");
        assertError("mutability", "Operations[0]", "{\"op\": \"remove\", \"path\": \"members.type\"}");
        assertError("invalidValue", "Operations[0]", "{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"display\": \"A\"}]}");
        assertError("mutability", "Operations[0]", "{\"op\": \"replace\", \"value\": {\"id\": \"other\"}}");
        assertError("invalidValue", "'displayName' is required", "{\"op\": \"remove\", \"path\": \"displayName\"}");
    }

    private void assertError(String scimType, String detail, String... operations) {
        assertThatThrownBy(() -> apply(operations)).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.scimType().keyword()).isEqualTo(scimType);
            assertThat(e.detail()).contains(detail);
        });
    }

    private void apply(String... operations) {
        String body = "{\"schemas\": [\"" + PatchRequest.SCHEMA + "\"], \"Operations\": ["
                + String.join(",", operations) + "]}";
        patch.apply(group, PatchRequest.fromJson(Json.createReader(new StringReader(body)).readObject()).operations());
    }
}
