package io.roster.search.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.schema.entity.CoreSchemas;
import io.roster.search.entity.IndexedValue;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttributeIndexerTest {

    private final AttributeIndexer indexer = new AttributeIndexer(CoreSchemas.USER_TYPE, Set.of("username", "active"));

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void indexesSimpleComplexAndMultiValuedAttributes() {
        List<IndexedValue> values = indexer.index(json("""
                {"userName": "bjensen", "active": true, "title": "Tour Guide",
                 "name": {"givenName": "Barbara", "familyName": "Jensen"},
                 "emails": [{"value": "B@Example.com", "type": "work", "primary": true}, {"value": "h@x.org"}],
                 "password": "secret",
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "Tours",
                     "manager": {"value": "m-1"}}}"""));
        assertThat(values).containsExactly(
                IndexedValue.marker("name", 0),
                IndexedValue.text("name.familyname", 0, "Jensen"),
                IndexedValue.text("name.givenname", 0, "Barbara"),
                IndexedValue.text("title", 0, "Tour Guide"),
                IndexedValue.marker("emails", 0),
                IndexedValue.text("emails.value", 0, "B@Example.com"),
                IndexedValue.text("emails.type", 0, "work"),
                IndexedValue.bool("emails.primary", 0, true),
                IndexedValue.marker("emails", 1),
                IndexedValue.text("emails.value", 1, "h@x.org"),
                IndexedValue.text("urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:department", 0, "Tours"),
                IndexedValue.marker("urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:manager", 0),
                IndexedValue.text("urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:manager.value", 0, "m-1"));
        assertThat(values).noneMatch(v -> "secret".equals(v.text()));
    }

    @Test
    void keepsExactTextAndALowerCasePrefixForLookups() {
        String longTitle = "T".repeat(300);
        IndexedValue title = indexer.index(json("{\"userName\": \"x\", \"title\": \"" + longTitle + "\"}")).get(0);
        assertThat(title.text()).isEqualTo(longTitle);
        assertThat(IndexedValue.prefix(IndexedValue.key(longTitle))).hasSize(IndexedValue.PREFIX).isEqualTo("t".repeat(200));
    }

    @Test
    void typedValuesGoToTheirColumns() {
        assertThat(IndexedValue.number("seats", 0, new BigDecimal("3")).number()).isEqualByComparingTo("3");
        assertThat(indexer.index(json("{\"userName\": \"x\", \"emails\": [{\"value\": \"a\", \"primary\": false}]}")))
                .contains(IndexedValue.bool("emails.primary", 0, false));
    }
}
