package io.roster.search.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.filter.control.AttributeMapping;
import io.roster.filter.control.FilterParser;
import io.roster.filter.entity.AttributePath;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which filters let a page go unordered: those that can match one resource at most. */
class AtMostOneTest {

    private static final AttributeMapping USER_NAME_UNIQUE = new AttributeMapping() {
        @Override
        public Optional<Column> column(AttributePath path) {
            return Optional.empty();
        }

        @Override
        public Optional<Collection> collection(AttributePath path) {
            return Optional.empty();
        }

        @Override
        public boolean uniqueInRealm(AttributePath path) {
            return path.name().equalsIgnoreCase("userName");
        }

        @Override
        public boolean indexedForEquality(AttributePath path) {
            return uniqueInRealm(path) || path.name().equalsIgnoreCase("externalId");
        }
    };

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "userName eq \"okta.user@example.com\"                 | true",
            "USERNAME EQ \"okta.user@example.com\"                 | true",
            "userName eq \"a\" and active eq true                  | true",
            "active eq true and (externalId eq \"x\" and userName eq \"a\") | true",
            "userName eq \"a\" or userName eq \"b\"                | false",
            "userName sw \"a\"                                     | false",
            "userName ne \"a\"                                     | false",
            "not (userName eq \"a\")                               | false",
            "userName eq null                                      | false",
            "externalId eq \"a\"                                   | false",
            "emails[value eq \"a\"]                                | false"})
    void onlyAnEqualityOnAUniqueColumnCanMatchOneAtMost(String filter, boolean atMostOne) {
        assertThat(ResourceSearch.atMostOne(FilterParser.parse(filter), USER_NAME_UNIQUE)).as(filter)
                .isEqualTo(atMostOne);
    }

    /** Which first pages are read as rows at once, without their keys first: the few matches of an index. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "externalId eq \"00u1a2b3c4\"                          | true",
            "EXTERNALID EQ \"x\"                                   | true",
            "externalId eq \"x\" and active eq true                | true",
            "userName eq \"a\"                                     | true",
            "externalId eq \"x\" or active eq true                 | false",
            "externalId sw \"x\"                                   | false",
            "externalId ne \"x\"                                   | false",
            "not (externalId eq \"x\")                             | false",
            "externalId eq null                                    | false",
            "displayName eq \"x\"                                  | false",
            "emails[value eq \"x\"]                                | false"})
    void onlyAnEqualityOnAnIndexedColumnIsReadAtOnce(String filter, boolean indexed) {
        assertThat(ResourceSearch.indexedEquality(FilterParser.parse(filter), USER_NAME_UNIQUE)).as(filter)
                .isEqualTo(indexed);
    }

    @Test
    void noFilterMatchesEverything() {
        assertThat(ResourceSearch.atMostOne(null, USER_NAME_UNIQUE)).isFalse();
        assertThat(ResourceSearch.indexedEquality(null, USER_NAME_UNIQUE)).isFalse();
    }
}
