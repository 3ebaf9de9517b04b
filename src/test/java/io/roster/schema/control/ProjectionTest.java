package io.roster.schema.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.schema.entity.CoreSchemas;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ProjectionTest {

    private static final JsonObject USER = Json.createReader(new StringReader("""
            {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "id": "1", "userName": "bjensen",
             "name": {"givenName": "Barbara", "familyName": "Jensen"},
             "emails": [{"value": "b@example.com", "type": "work"}, {"value": "h@example.com", "type": "home"}],
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "Tours", "division": "Park"},
             "meta": {"resourceType": "User"}}""")).readObject();

    private static JsonObject project(String attributes, String excluded) {
        return Projection.of(attributes, excluded, CoreSchemas.USER_TYPE).apply(USER);
    }

    @Test
    void attributesKeepsWhatIsAskedPlusSchemasAndId() {
        assertThat(project("userName", null).keySet()).containsExactly("schemas", "id", "userName");
        assertThat(project("id", null).keySet()).containsExactly("schemas", "id");
        assertThat(project("UserName,urn:ietf:params:scim:schemas:core:2.0:User:name.givenName", null))
                .isEqualTo(Json.createObjectBuilder().add("schemas", USER.get("schemas")).add("id", "1")
                        .add("userName", "bjensen").add("name", Json.createObjectBuilder().add("givenName", "Barbara"))
                        .build());
        assertThat(project("emails.value", null).getJsonArray("emails").getJsonObject(1).keySet()).containsExactly("value");
        assertThat(project("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", null)
                .getJsonObject("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User").keySet())
                .containsExactly("department");
    }

    @Test
    void excludedAttributesDropsWhatIsNamedButNeverIdOrSchemas() {
        assertThat(project(null, "emails,id,schemas,meta").keySet())
                .containsExactly("schemas", "id", "userName", "name", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
        assertThat(project(null, "name.familyName").getJsonObject("name").keySet()).containsExactly("givenName");
        assertThat(project(null, null)).isSameAs(USER);
    }

    @Test
    void tellsWhetherAnAttributeIsExcluded() {
        assertThat(Projection.of(null, "members", CoreSchemas.GROUP_TYPE).excludes("members")).isTrue();
        assertThat(Projection.of("displayName", null, CoreSchemas.GROUP_TYPE).excludes("members")).isTrue();
        assertThat(Projection.of("members.value", null, CoreSchemas.GROUP_TYPE).excludes("members")).isFalse();
        assertThat(Projection.of(null, null, CoreSchemas.GROUP_TYPE).excludes("members")).isFalse();
    }
}
