package io.roster.search.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.filter.control.AttributeMapping;
import io.roster.filter.control.FilterParser;
import io.roster.filter.entity.AttributePath;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which filters let a first page be read in one query: those of one match at most, or of a column's own index. */
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

    /**
     * Which first pages are read as rows at once: one match at most (an equality on a unique column) needs no order
     * either; the few matches of a column's own index ({@code externalId}) are read in key order, without keys first.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "userName eq \"okta.user@example.com\"                 | true  | true",
            "USERNAME EQ \"okta.user@example.com\"                 | true  | true",
            "userName eq \"a\" and active eq true                  | true  | true",
            "active eq true and (externalId eq \"x\" and userName eq \"a\") | true | true",
            "userName eq \"a\" or userName eq \"b\"                | false | false",
            "userName sw \"a\"                                     | false | false",
            "userName ne \"a\"                                     | false | false",
            "not (userName eq \"a\")                               | false | false",
            "userName eq null                                      | false | false",
            "externalId eq \"00u1a2b3c4\"                          | false | true",
            "EXTERNALID EQ \"x\"                                   | false | true",
            "externalId eq \"x\" and active eq true                | false | true",
            "externalId eq \"x\" or active eq true                 | false | false",
            "externalId sw \"x\"                                   | false | false",
            "externalId ne \"x\"                                   | false | false",
            "not (externalId eq \"x\")                             | false | false",
            "externalId eq null                                    | false | false",
            "displayName eq \"x\"                                  | false | false",
            "emails[value eq \"a\"]                                | false | false"})
    void onlyEqualitiesOnUniqueOrIndexedColumnsAreReadAtOnce(String filter, boolean atMostOne, boolean indexed) {
        assertThat(ResourceSearch.atMostOne(FilterParser.parse(filter), USER_NAME_UNIQUE)).as(filter)
                .isEqualTo(atMostOne);
        assertThat(ResourceSearch.indexedEquality(FilterParser.parse(filter), USER_NAME_UNIQUE)).as(filter)
                .isEqualTo(indexed);
    }

    @Test
    void noFilterMatchesEverything() {
        assertThat(ResourceSearch.atMostOne(null, USER_NAME_UNIQUE)).isFalse();
        assertThat(ResourceSearch.indexedEquality(null, USER_NAME_UNIQUE)).isFalse();
    }
}
