package io.roster.search.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.filter.control.AttributeMapping;
import io.roster.filter.control.FilterParser;
import io.roster.filter.entity.AttributePath;
import io.roster.schema.entity.AttributeType;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which filters become a JPQL equality on a column, and with which comparison and value. */
class ColumnEqualityTest {

    private static final Map<String, AttributeMapping.Column> COLUMNS = Map.of(
            "username", new AttributeMapping.Column("userNameKey", AttributeType.STRING, false, true),
            "externalid", new AttributeMapping.Column("externalId", AttributeType.STRING, true, false),
            "nickname", new AttributeMapping.Column("nickName", AttributeType.STRING, false, false),
            "active", new AttributeMapping.Column("active", AttributeType.BOOLEAN, false, false),
            "meta.created", new AttributeMapping.Column("created", AttributeType.DATE_TIME, false, false));

    private static final AttributeMapping MAPPING = new AttributeMapping() {
        @Override
        public Optional<Column> column(AttributePath path) {
            return Optional.ofNullable(COLUMNS.get(path.fullName().toLowerCase()));
        }

        @Override
        public Optional<Collection> collection(AttributePath path) {
            return Optional.empty();
        }
    };

    /** The column holds its value lower-cased, or compares case-exactly, or is lower-cased in the query. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "userName eq \"Okta.User@Example.com\" | r.userNameKey = :value     | okta.user@example.com",
            "USERNAME EQ \"A\"                     | r.userNameKey = :value     | a",
            "externalId eq \"00uA1b2C3\"           | r.externalId = :value      | 00uA1b2C3",
            "nickName eq \"Bo\"                    | lower(r.nickName) = :value | bo",
            "userName eq \"50% ox_\\\\\"          | r.userNameKey = :value     | 50% ox_\\",
    })
    void equalityOnAStringColumn(String filter, String comparison, String value) {
        Optional<ColumnEquality> equality = ColumnEquality.of(FilterParser.parse(filter), MAPPING, "User");

        assertThat(equality).isPresent();
        assertThat(equality.get().jpql()).isEqualTo("select r from User r where r.realm = :realm and " + comparison);
        assertThat(equality.get().value()).isEqualTo(value);
    }

    /** A lookup with joined columns: the resource once per joined row, in the joined rows' order. */
    @Test
    void joinedColumnsComeWithTheResource() {
        ColumnEquality equality = ColumnEquality.of(FilterParser.parse("userName eq \"A\""), MAPPING, "User")
                .orElseThrow();

        assertThat(equality.jpql(new JoinedColumns("left join Membership m on m.userPk = r.pk left join m.group g",
                "g.id, g.displayName", "g.displayNameKey")))
                .isEqualTo("select r, g.id, g.displayName from User r left join Membership m on m.userPk = r.pk "
                        + "left join m.group g where r.realm = :realm and r.userNameKey = :value "
                        + "order by g.displayNameKey");
    }

    /** Everything else goes through the Criteria translator, which also refuses what it must. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "userName eq \"a\" and active eq true",
            "userName eq \"a\" or userName eq \"b\"",
            "userName ne \"a\"",
            "userName sw \"a\"",
            "not (userName eq \"a\")",
            "userName eq null",
            "userName eq 42",
            "active eq true",
            "meta.created eq \"2024-01-01T00:00:00Z\"",
            "emails.value eq \"a@example.com\"",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"1\"",
    })
    void anythingElseIsNotOne(String filter) {
        assertThat(ColumnEquality.of(FilterParser.parse(filter), MAPPING, "User")).isEmpty();
    }

    @Test
    void aValueWithNulIsLeftToTheTranslatorToRefuse() {
        assertThat(ColumnEquality.of(FilterParser.parse("userName eq \"a\\u0000b\""), MAPPING, "User")).isEmpty();
    }
}
