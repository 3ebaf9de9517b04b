package io.roster.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScimRequestPathTest {

    @Test
    void typeAndIdComeFromThePath() {
        assertThat(ScimRequestPath.of("/scim/v2/Users/2819c223")).isEqualTo(new ScimRequestPath("User", "2819c223"));
        assertThat(ScimRequestPath.of("/scim/v2/Groups")).isEqualTo(new ScimRequestPath("Group", null));
        assertThat(ScimRequestPath.of("/scim/v2/users/.search")).isEqualTo(new ScimRequestPath("User", null));
        assertThat(ScimRequestPath.of("Groups/g1/")).isEqualTo(new ScimRequestPath("Group", "g1"));
        assertThat(ScimRequestPath.of("/scim/v2/ResourceTypes/User"))
                .isEqualTo(new ScimRequestPath("ResourceType", "User"));
        assertThat(ScimRequestPath.of("/scim/v2/ServiceProviderConfig"))
                .isEqualTo(new ScimRequestPath("ServiceProviderConfig", null));
        assertThat(ScimRequestPath.of("/scim/v2/.search")).isEqualTo(new ScimRequestPath("Search", null));
        assertThat(ScimRequestPath.of("/realms/acme/scim/v2/Users/u1")).isEqualTo(new ScimRequestPath("User", "u1"));
        assertThat(ScimRequestPath.of("/realms/acme/scim/v2/Groups")).isEqualTo(new ScimRequestPath("Group", null));
    }

    @Test
    void unknownPathsNameNothing() {
        assertThat(ScimRequestPath.of("/scim/v2/Printers/1")).isEqualTo(new ScimRequestPath(null, null));
        assertThat(ScimRequestPath.of("/scim/v2")).isEqualTo(new ScimRequestPath(null, null));
        assertThat(ScimRequestPath.of(null)).isEqualTo(new ScimRequestPath(null, null));
    }

    @Test
    void typesAreUnderstoodInAnyCaseAndAsEndpoints() {
        assertThat(ScimRequestPath.normalType("users")).isEqualTo("User");
        assertThat(ScimRequestPath.normalType("USER")).isEqualTo("User");
        assertThat(ScimRequestPath.normalType(" Group ")).isEqualTo("Group");
        assertThat(ScimRequestPath.normalType("Printer")).isNull();
    }
}
