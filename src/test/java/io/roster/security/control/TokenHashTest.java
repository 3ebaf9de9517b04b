package io.roster.security.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenHashTest {

    @Test
    void isTheHexSha256OfTheToken() {
        // echo -n "abc" | sha256sum
        assertThat(TokenHash.of("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(TokenHash.of("abc")).hasSize(64).doesNotContain("abc");
    }

    @Test
    void comparesHashes() {
        assertThat(TokenHash.same(TokenHash.of("a"), TokenHash.of("a"))).isTrue();
        assertThat(TokenHash.same(TokenHash.of("a"), TokenHash.of("b"))).isFalse();
    }

    @Test
    void credentialNeverPrintsTheToken() {
        assertThat(new TokenCredential("default", "s3cret").toString()).doesNotContain("s3cret");
    }
}
