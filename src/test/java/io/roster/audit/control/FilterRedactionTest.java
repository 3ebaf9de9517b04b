package io.roster.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FilterRedactionTest {

    @Test
    void stringLiteralsAreHidden() {
        assertThat(FilterRedaction.redact("userName eq \"alice@example.com\"")).isEqualTo("userName eq \"…\"");
        assertThat(FilterRedaction.redact("emails[type eq \"work\" and value co \"@x.io\"]"))
                .isEqualTo("emails[type eq \"…\" and value co \"…\"]");
        assertThat(FilterRedaction.redact("(name.familyName sw \"O\\\"Brien\") or externalId pr"))
                .isEqualTo("(name.familyName sw \"…\") or externalId pr");
    }

    @Test
    void numbersAreHiddenButAttributeNamesWithDigitsStay() {
        assertThat(FilterRedaction.redact("x509Certificates.value pr and age gt 42 and score lt -1.5e3"))
                .isEqualTo("x509Certificates.value pr and age gt … and score lt …");
        assertThat(FilterRedaction.redact("urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"a\""))
                .isEqualTo("urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"…\"");
    }

    @Test
    void booleansAndNullStay() {
        assertThat(FilterRedaction.redact("active eq true and title eq null")).isEqualTo("active eq true and title eq null");
    }

    @Test
    void brokenFiltersAreRedactedToo() {
        assertThat(FilterRedaction.redact("userName eq \"never closed")).isEqualTo("userName eq \"…\"");
        assertThat(FilterRedaction.redact("userName eq\"glued\"and")).isEqualTo("userName eq\"…\"and");
        assertThat(FilterRedaction.redact("")).isEmpty();
        assertThat(FilterRedaction.redact(null)).isNull();
    }
}
