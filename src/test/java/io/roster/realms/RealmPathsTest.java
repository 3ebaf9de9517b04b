package io.roster.realms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RealmPathsTest {

    @Test
    void theDefaultRealmIsServedAtScimV2() {
        assertThat(RealmPaths.realmOf("/scim/v2")).contains("default");
        assertThat(RealmPaths.realmOf("/scim/v2/Users/42")).contains("default");
        assertThat(RealmPaths.scimRoot("default")).isEqualTo("/scim/v2");
    }

    @Test
    void everyOtherRealmAtItsOwnRoot() {
        assertThat(RealmPaths.realmOf("/realms/acme/scim/v2")).contains("acme");
        assertThat(RealmPaths.realmOf("/realms/acme-2/scim/v2/Groups?filter=x")).contains("acme-2");
        assertThat(RealmPaths.scimRoot("acme")).isEqualTo("/realms/acme/scim/v2");
    }

    @Test
    void otherPathsAndMalformedNamesAddressNoRealm() {
        assertThat(RealmPaths.realmOf("/api/admin/realms")).isEmpty();
        assertThat(RealmPaths.realmOf("/realms/acme/other")).isEmpty();
        assertThat(RealmPaths.realmOf("/realms/Acme/scim/v2/Users")).isEmpty();
        assertThat(RealmPaths.realmOf("/realms/-acme/scim/v2/Users")).isEmpty();
        assertThat(RealmPaths.realmOf("/realms/" + "a".repeat(64) + "/scim/v2")).isEmpty();
        assertThat(RealmPaths.realmOf("/scim/v2x")).isEmpty();
    }

    @Test
    void realmNamesAreUrlSafeLowerCase() {
        assertThat(RealmPaths.NAME.matcher("acme").matches()).isTrue();
        assertThat(RealmPaths.NAME.matcher("a").matches()).isTrue();
        assertThat(RealmPaths.NAME.matcher("team-42").matches()).isTrue();
        assertThat(RealmPaths.NAME.matcher("acme-").matches()).isFalse();
        assertThat(RealmPaths.NAME.matcher("ac me").matches()).isFalse();
        assertThat(RealmPaths.NAME.matcher("a".repeat(63)).matches()).isTrue();
        assertThat(RealmPaths.NAME.matcher("a".repeat(64)).matches()).isFalse();
    }
}
