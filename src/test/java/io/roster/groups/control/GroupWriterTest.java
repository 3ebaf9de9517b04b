package io.roster.groups.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.schema.control.Projection;
import io.roster.schema.entity.CoreSchemas;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Groups are written while their members are read in keyset chunks, and not read at all when not shown. */
class GroupWriterTest {

    private static final String USERS = "https://roster.example/scim/v2/Users/";

    private final List<Object[]> memberTable = new ArrayList<>();
    private final List<String> queries = new ArrayList<>();

    @Test
    void excludedMembersDoNotTouchTheMemberTable() {
        EntityManager untouchable = (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    throw new AssertionError("the member table was read: " + method.getName());
                });
        for (Projection projection : List.of(projection(null, "members"), projection("displayName", null),
                projection("displayName,meta", "members.value"))) {
            MemberCursor cursor = new MemberCursor(untouchable, List.of(1L));
            JsonObject written = write(json -> new GroupWriter(MemberFields.of(projection), USERS)
                    .write(json, rendered(1, projection), cursor));
            assertThat(written.containsKey("members")).isFalse();
            assertThat(written.getString("displayName")).isEqualTo("Group 1");
        }
    }

    @Test
    void aPageOfGroupsStreamsEachGroupsMembersInChunks() {
        addMembers(2, 2500);
        addMembers(3, 3);
        addMembers(4, 10);
        addMembers(5, 1000);
        List<Long> page = List.of(1L, 2L, 3L, 5L);
        MemberCursor cursor = new MemberCursor(entityManager(), page);
        List<GroupWriter.Rendered> groups = page.stream().map(pk -> rendered(pk, Projection.ALL)).toList();

        JsonObject list = write(json -> new GroupWriter(MemberFields.of(Projection.ALL), USERS)
                .writeList(json, 4, 1, groups, cursor));

        assertThat(list.getInt("itemsPerPage")).isEqualTo(4);
        JsonArray resources = list.getJsonArray("Resources");
        assertThat(members(resources.getJsonObject(0))).isEmpty();
        assertThat(members(resources.getJsonObject(1))).hasSize(2500).isSortedAccordingTo(Comparator.naturalOrder())
                .doesNotHaveDuplicates().allMatch(id -> id.startsWith("u2-"));
        assertThat(members(resources.getJsonObject(2))).containsExactly("u3-0001", "u3-0002", "u3-0003");
        assertThat(members(resources.getJsonObject(3))).hasSize(1000).allMatch(id -> id.startsWith("u5-"));
        JsonObject member = resources.getJsonObject(2).getJsonArray("members").getJsonObject(0);
        assertThat(member).isEqualTo(Json.createObjectBuilder().add("value", "u3-0001").add("display", "User 3-1")
                .add("$ref", USERS + "u3-0001").add("type", "User").build());
        assertThat(resources.getJsonObject(2).getJsonArray("members").getJsonObject(1).getString("display"))
                .as("userName when there is no displayName").isEqualTo("name3-2");
        assertThat(queries).as("small groups share a query; a large one is read in chunks of its own")
                .containsExactly("page", "rest", "rest", "page", "rest");
        List<String> keys = new ArrayList<>(resources.getJsonObject(1).keySet());
        assertThat(keys.indexOf("members")).isLessThan(keys.indexOf("meta"));
    }

    @Test
    void subAttributesOfMembersFollowTheProjection() {
        addMembers(1, 2);
        Projection onlyValues = projection("members.value", null);
        JsonObject group = write(json -> new GroupWriter(MemberFields.of(onlyValues), USERS)
                .write(json, rendered(1, onlyValues), new MemberCursor(entityManager(), List.of(1L))));
        assertThat(group.keySet()).containsExactly("schemas", "id", "members");
        assertThat(group.getJsonArray("members").getJsonObject(0).keySet()).containsExactly("value");

        Projection noRef = projection(null, "members.$ref");
        JsonObject other = write(json -> new GroupWriter(MemberFields.of(noRef), USERS)
                .write(json, rendered(1, noRef), new MemberCursor(entityManager(), List.of(1L))));
        assertThat(other.getJsonArray("members").getJsonObject(0).keySet())
                .containsExactlyInAnyOrder("value", "display", "type");
    }

    private static Projection projection(String attributes, String excluded) {
        return Projection.of(attributes, excluded, CoreSchemas.GROUP_TYPE);
    }

    private static GroupWriter.Rendered rendered(long pk, Projection projection) {
        JsonObject group = Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add(CoreSchemas.GROUP))
                .add("id", "g" + pk)
                .add("displayName", "Group " + pk)
                .add("meta", Json.createObjectBuilder().add("resourceType", "Group"))
                .build();
        return new GroupWriter.Rendered(pk, projection.apply(group));
    }

    private static JsonObject write(Consumer<JsonGenerator> content) {
        StringWriter out = new StringWriter();
        JsonGenerator generator = Json.createGenerator(out);
        content.accept(generator);
        generator.flush();
        return Json.createReader(new StringReader(out.toString())).readObject();
    }

    private static List<String> members(JsonObject group) {
        return group.getJsonArray("members").stream().map(m -> m.asJsonObject().getString("value")).toList();
    }

    private void addMembers(long groupPk, int count) {
        for (int i = 1; i <= count; i++) {
            memberTable.add(new Object[] {groupPk, (long) i, String.format("u%d-%04d", groupPk, i),
                    i % 2 == 1 ? "User " + groupPk + "-" + i : null, "name" + groupPk + "-" + i});
        }
        memberTable.sort(Comparator.<Object[], Long>comparing(row -> (Long) row[0])
                .thenComparing(row -> (Long) row[1]));
    }

    /** Answers MemberCursor's two native queries from {@link #memberTable}, in (group, user) key order. */
    private EntityManager entityManager() {
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("createNativeQuery") || args.length != 1) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return query((String) args[0]);
                });
    }

    private Query query(String sql) {
        Map<Integer, Object> parameters = new HashMap<>();
        return (Query) Proxy.newProxyInstance(Query.class.getClassLoader(),
                new Class<?>[] {Query.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setParameter" -> {
                        parameters.put((Integer) args[0], args[1]);
                        yield proxy;
                    }
                    case "getResultList" -> {
                        boolean page = sql.contains("group_pk in (");
                        queries.add(page ? "page" : "rest");
                        yield memberTable.stream()
                                .filter(row -> page ? parameters.containsValue(row[0])
                                        : row[0].equals(parameters.get(1)) && (Long) row[1] > (Long) parameters.get(2))
                                .limit(MemberCursor.CHUNK)
                                .map(row -> (Object) row)
                                .toList();
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

}
