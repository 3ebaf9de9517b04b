package io.roster.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryParameterTest {

    @Test
    void findsTheFirstValueDecoded() {
        assertThat(QueryParameter.first("count=1&filter=userName%20eq%20%22a%22&filter=x", "filter"))
                .isEqualTo("userName eq \"a\"");
        assertThat(QueryParameter.first("filter=a+b", "filter")).isEqualTo("a b");
        assertThat(QueryParameter.first("filter", "filter")).isEmpty();
        assertThat(QueryParameter.first("count=1", "filter")).isNull();
        assertThat(QueryParameter.first(null, "filter")).isNull();
        assertThat(QueryParameter.first("filter=%zz", "filter")).isEqualTo("%zz");
    }
}
