package io.roster.security.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AuthorizationHeaderTest {

    @Test
    void bearerInAnyCaseCarriesTheToken() {
        assertThat(AuthorizationHeader.parse("Bearer abc")).contains(new AuthorizationHeader.Token("abc"));
        assertThat(AuthorizationHeader.parse("bearer   abc ")).contains(new AuthorizationHeader.Token("abc"));
        assertThat(AuthorizationHeader.parse("Bearer")).contains(new AuthorizationHeader.Malformed("Bearer"));
        assertThat(AuthorizationHeader.parse("Bearer ")).contains(new AuthorizationHeader.Malformed("Bearer"));
    }

    @Test
    void aHeaderWithoutSchemeIsTheToken() {
        assertThat(AuthorizationHeader.parse("abc")).contains(new AuthorizationHeader.Token("abc"));
        assertThat(AuthorizationHeader.parse("Bearerabc")).contains(new AuthorizationHeader.Token("Bearerabc"));
    }

    @Test
    void basicCarriesNameAndSecret() {
        assertThat(AuthorizationHeader.parse("Basic " + base64("okta:rst_x:y")))
                .contains(new AuthorizationHeader.Basic("okta", "rst_x:y"));
        assertThat(AuthorizationHeader.parse("basic " + base64("okta:s")))
                .contains(new AuthorizationHeader.Basic("okta", "s"));
    }

    @Test
    void brokenBasicIsMalformed() {
        for (String header : new String[] {"Basic !!!", "Basic " + base64("no-colon"), "Basic " + base64(":secret"),
                "Basic " + base64("name:"), "Basic"}) {
            assertThat(AuthorizationHeader.parse(header)).as(header)
                    .contains(new AuthorizationHeader.Malformed("Basic"));
        }
    }

    @Test
    void noHeaderIsNothing() {
        assertThat(AuthorizationHeader.parse(null)).isEmpty();
        assertThat(AuthorizationHeader.parse("  ")).isEmpty();
    }

    @Test
    void secretsNeverPrint() {
        assertThat(AuthorizationHeader.parse("Bearer s3cret").orElseThrow().toString()).doesNotContain("s3cret");
        assertThat(AuthorizationHeader.parse("Basic " + base64("okta:s3cret")).orElseThrow().toString())
                .contains("okta").doesNotContain("s3cret");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
