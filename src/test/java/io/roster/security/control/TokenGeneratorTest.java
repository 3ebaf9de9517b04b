package io.roster.security.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenGeneratorTest {

    @Test
    void tokensCarry256RandomBitsBehindARecognisablePrefix() {
        String token = TokenGenerator.newToken();
        assertThat(token).startsWith("rst_").matches("rst_[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(token.substring(4))).hasSize(32);
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(TokenGenerator.newToken())).isTrue();
        }
    }

    @Test
    void issuedTokenNeverPrintsItsValue() {
        IssuedToken issued = new IssuedToken(new io.roster.security.entity.ApiToken("t1", null, "hash",
                java.time.Instant.EPOCH), "rst_secret");
        assertThat(issued.toString()).contains("t1").doesNotContain("rst_secret");
    }
}
