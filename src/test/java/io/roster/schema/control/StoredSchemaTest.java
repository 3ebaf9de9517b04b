package io.roster.schema.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roster.protocol.entity.ScimException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A stored custom schema that Roster cannot use (edited in the database, or valid only for an older version) is
 * reported, not thrown: the realm's SCIM API stops with a clear 500, and the admin API can still show and repair it.
 */
class StoredSchemaTest {

    private static final String URN = "urn:ietf:params:scim:schemas:extension:acme:2.0:User";
    private static final String VALID = "{\"id\":\"" + URN + "\",\"name\":\"AcmeUser\","
            + "\"attributes\":[{\"name\":\"platformRole\",\"type\":\"string\"}]}";
    private static final Instant UPDATED = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aValidRowIsUsable() {
        StoredSchema stored = StoredSchema.of(URN, "User", VALID, UPDATED);
        assertThat(stored.isUsable()).isTrue();
        assertThat(stored.problem()).isNull();
        assertThat(stored.usable().urn()).isEqualTo(URN);
        assertThat(stored.usable().schema().attributes()).extracting(a -> a.name()).containsExactly("platformRole");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "User  | {\"id\": | not a JSON object",
        "User  | [1, 2] | not a JSON object",
        "User  | {\"attributes\":[{\"name\":\"photo\",\"type\":\"binary\"}]} | binary attributes cannot be defined",
        "User  | {\"attributes\":[]} | needs \"attributes\"",
        "Robot | " + "{\"attributes\":[{\"name\":\"x\",\"type\":\"string\"}]} | \"resourceType\" must be \"User\" or \"Group\"",
    })
    void aRowRosterCannotUseSaysWhy(String resourceType, String text, String why) {
        StoredSchema stored = StoredSchema.of(URN, resourceType, text, UPDATED);
        assertThat(stored.isUsable()).isFalse();
        assertThat(stored.problem()).contains(why);
        assertThat(stored.text()).isEqualTo(text);
    }

    @Test
    void aMissingResourceTypeIsAProblemNotACrash() {
        assertThat(StoredSchema.of(URN, null, VALID, UPDATED).problem()).contains("resourceType");
    }

    @Test
    void anUnusableSchemaStopsTheRealmWithAnActionableError() {
        SchemaRegistry registry = SchemaRegistries.with(List.of(
                StoredSchema.of(URN, "User", "{\"attributes\":[{\"name\":\"photo\",\"type\":\"binary\"}]}", UPDATED)));
        for (Runnable use : List.<Runnable>of(() -> registry.user("acme"), () -> registry.group("acme"),
                () -> registry.custom("acme"))) {
            assertThatThrownBy(use::run).isInstanceOfSatisfying(ScimException.class, e -> {
                assertThat(e.status()).isEqualTo(500);
                assertThat(e.detail()).contains(URN, "binary attributes cannot be defined",
                        "PUT /api/admin/realms/acme/schemas/" + URN, "or delete it");
            });
        }
    }

    @Test
    void usableSchemasExtendTheRealmsTypes() {
        SchemaRegistry registry = SchemaRegistries.with(List.of(StoredSchema.of(URN, "User", VALID, UPDATED)));
        assertThat(registry.user("acme").extensions()).extracting(s -> s.id()).contains(URN);
        assertThat(registry.group("acme").extensions()).extracting(s -> s.id()).doesNotContain(URN);
    }
}
