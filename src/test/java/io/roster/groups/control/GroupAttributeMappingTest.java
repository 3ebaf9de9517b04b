package io.roster.groups.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.filter.entity.AttributePath;
import io.roster.schema.entity.CoreSchemas;
import org.junit.jupiter.api.Test;

class GroupAttributeMappingTest {

    private final GroupAttributeMapping mapping = new GroupAttributeMapping(CoreSchemas.GROUP_TYPE);

    @Test
    void displayNameAndIdAreUniqueWithinARealmAndNothingElseIs() {
        assertThat(mapping.uniqueInRealm(AttributePath.of("displayName"))).isTrue();
        assertThat(mapping.uniqueInRealm(new AttributePath(CoreSchemas.GROUP, "DISPLAYNAME", null))).isTrue();
        assertThat(mapping.uniqueInRealm(AttributePath.of("id"))).isTrue();
        assertThat(mapping.uniqueInRealm(AttributePath.of("externalId"))).isFalse();
        assertThat(mapping.uniqueInRealm(AttributePath.of("members", "value"))).isFalse();
    }

    @Test
    void externalIdAndTheUniqueColumnsHaveAnIndexOfTheirOwnForEqualities() {
        assertThat(mapping.indexedForEquality(AttributePath.of("externalId"))).isTrue();
        assertThat(mapping.indexedForEquality(AttributePath.of("displayName"))).isTrue();
        assertThat(mapping.indexedForEquality(AttributePath.of("members", "value"))).isFalse();
    }
}
