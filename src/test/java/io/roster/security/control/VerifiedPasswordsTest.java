package io.roster.security.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerifiedPasswordsTest {

    @Test
    void aProofMatchesOnlyTheSamePasswordAndStoredHash() {
        VerifiedPasswords verified = new VerifiedPasswords();
        verified.remember("admin", verified.proof("hash-1", "pw"));
        assertThat(verified.remembers("admin", verified.proof("hash-1", "pw"))).isTrue();
        assertThat(verified.remembers("admin", verified.proof("hash-1", "other"))).isFalse();
        assertThat(verified.remembers("admin", verified.proof("hash-2", "pw"))).as("password changed").isFalse();
        assertThat(verified.remembers("someone", verified.proof("hash-1", "pw"))).isFalse();
    }

    @Test
    void proofsDependOnAKeyOfTheProcess() {
        assertThat(new VerifiedPasswords().proof("h", "pw")).isNotEqualTo(new VerifiedPasswords().proof("h", "pw"))
                .doesNotContain("pw");
    }
}
