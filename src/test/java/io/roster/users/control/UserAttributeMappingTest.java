package io.roster.users.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.filter.entity.AttributePath;
import io.roster.schema.entity.CoreSchemas;
import org.junit.jupiter.api.Test;

class UserAttributeMappingTest {

    private final UserAttributeMapping mapping = new UserAttributeMapping(CoreSchemas.USER_TYPE);

    @Test
    void userNameAndIdAreUniqueWithinARealmAndNothingElseIs() {
        assertThat(mapping.uniqueInRealm(AttributePath.of("userName"))).isTrue();
        assertThat(mapping.uniqueInRealm(new AttributePath(CoreSchemas.USER, "username", null))).isTrue();
        assertThat(mapping.uniqueInRealm(AttributePath.of("id"))).isTrue();
        assertThat(mapping.uniqueInRealm(AttributePath.of("externalId"))).as("Okta and Entra may repeat it").isFalse();
        assertThat(mapping.uniqueInRealm(AttributePath.of("displayName"))).isFalse();
        assertThat(mapping.uniqueInRealm(AttributePath.of("name", "familyName"))).isFalse();
        assertThat(mapping.uniqueInRealm(new AttributePath(CoreSchemas.ENTERPRISE_USER, "employeeNumber", null)))
                .isFalse();
    }

    @Test
    void externalIdAndTheUniqueColumnsHaveAnIndexOfTheirOwnForEqualities() {
        assertThat(mapping.indexedForEquality(AttributePath.of("externalId"))).isTrue();
        assertThat(mapping.indexedForEquality(new AttributePath(CoreSchemas.USER, "externalid", null))).isTrue();
        assertThat(mapping.indexedForEquality(AttributePath.of("userName"))).isTrue();
        assertThat(mapping.indexedForEquality(AttributePath.of("displayName"))).as("a value row").isFalse();
        assertThat(mapping.indexedForEquality(new AttributePath(CoreSchemas.ENTERPRISE_USER, "externalId", null)))
                .as("not the core attribute").isFalse();
    }
}
