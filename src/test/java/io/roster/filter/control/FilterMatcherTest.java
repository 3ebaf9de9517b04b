package io.roster.filter.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.filter.entity.AttributePath;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterMatcherTest {

    private static final JsonObject BJENSEN = json("""
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
              "id": "2819c223-7f76-453a-919d-413861904646",
              "externalId": "Bjensen-EXT",
              "userName": "bjensen@example.com",
              "name": {"familyName": "Jensen", "givenName": "Barbara"},
              "displayName": "Babs Jensen",
              "nickName": "",
              "userType": "Employee",
              "active": true,
              "locked": false,
              "loginCount": 42,
              "rating": 4.5,
              "employeeId": "123",
              "emails": [
                {"value": "bjensen@example.com", "type": "work", "primary": true},
                {"value": "babs@jensen.org", "type": "home"}
              ],
              "ims": [{"value": "babs@foo.com", "type": "xmpp"}],
              "roles": [{"value": "admin", "primary": true}, {"value": "user", "primary": false}],
              "phoneNumbers": [],
              "addresses": {},
              "x509Certificates": null,
              "meta": {"resourceType": "User", "lastModified": "2011-05-13T04:42:34Z"},
              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
                "employeeNumber": "701984",
                "manager": {"value": "26118915-6090-4610-87e4-49d8ca9f808d", "displayName": "John Smith"}
              }
            }
            """);

    private static final Set<String> CASE_EXACT = Set.of("id", "externalid");

    private final FilterMatcher matcher = new FilterMatcher(
            p -> p.subAttribute() == null && CASE_EXACT.contains(p.name().toLowerCase(Locale.ROOT)));

    static Stream<Arguments> cases() {
        return Stream.of(
                // eq and case rules
                Arguments.of("userName eq \"bjensen@example.com\"", true),
                Arguments.of("userName eq \"BJENSEN@Example.com\"", true),
                Arguments.of("userName eq \"bjensen\"", false),
                Arguments.of("id eq \"2819c223-7f76-453a-919d-413861904646\"", true),
                Arguments.of("id eq \"2819C223-7F76-453A-919D-413861904646\"", false),
                Arguments.of("externalId eq \"Bjensen-EXT\"", true),
                Arguments.of("externalId eq \"bjensen-ext\"", false),
                Arguments.of("externalId co \"jensen\"", true),
                Arguments.of("externalId co \"JENSEN\"", false),
                Arguments.of("USERNAME eq \"bjensen@example.com\"", true),
                Arguments.of("NAME.FAMILYNAME eq \"jensen\"", true),
                // ne, null-aware
                Arguments.of("userType ne \"Employee\"", false),
                Arguments.of("userType ne \"Intern\"", true),
                Arguments.of("title ne \"x\"", true),
                Arguments.of("emails.type ne \"work\"", false),
                Arguments.of("emails.type ne \"other\"", true),
                // co, sw, ew
                Arguments.of("name.familyName co \"ens\"", true),
                Arguments.of("name.familyName co \"ENS\"", true),
                Arguments.of("name.familyName co \"xyz\"", false),
                Arguments.of("userName sw \"BJ\"", true),
                Arguments.of("userName sw \"je\"", false),
                Arguments.of("userName ew \"@EXAMPLE.com\"", true),
                Arguments.of("userName ew \"@example.org\"", false),
                Arguments.of("title co \"x\"", false),
                // ordering on strings
                Arguments.of("name.familyName gt \"A\"", true),
                Arguments.of("name.familyName lt \"A\"", false),
                Arguments.of("name.familyName ge \"jensen\"", true),
                Arguments.of("name.familyName le \"jensen\"", true),
                Arguments.of("name.familyName gt \"jensen\"", false),
                Arguments.of("name.familyName lt \"k\"", true),
                // dateTime
                Arguments.of("meta.lastModified gt \"2011-05-13T04:42:33Z\"", true),
                Arguments.of("meta.lastModified gt \"2011-05-13T04:42:34Z\"", false),
                Arguments.of("meta.lastModified ge \"2011-05-13T04:42:34Z\"", true),
                Arguments.of("meta.lastModified eq \"2011-05-13T04:42:34.000Z\"", true),
                Arguments.of("meta.lastModified eq \"2011-05-13T06:42:34+02:00\"", true),
                Arguments.of("meta.lastModified lt \"2011-05-13T06:42:34+02:00\"", false),
                Arguments.of("meta.lastModified le \"2011-05-13T06:42:34+02:00\"", true),
                Arguments.of("meta.lastModified gt \"2011-05-13T05:00:00+02:00\"", true),
                Arguments.of("meta.lastModified lt \"2012-01-01T00:00:00Z\"", true),
                // numbers
                Arguments.of("loginCount eq 42", true),
                Arguments.of("loginCount eq 42.00", true),
                Arguments.of("loginCount gt 41.5", true),
                Arguments.of("loginCount lt 42", false),
                Arguments.of("loginCount le 42.0", true),
                Arguments.of("loginCount gt 1e1", true),
                Arguments.of("loginCount ne 42", false),
                Arguments.of("loginCount eq \"42\"", false),
                Arguments.of("loginCount co \"4\"", false),
                Arguments.of("rating ge 4.5", true),
                Arguments.of("rating gt 4.5", false),
                Arguments.of("userName gt 5", false),
                // booleans and the Entra "True" quirk
                Arguments.of("active eq true", true),
                Arguments.of("active eq false", false),
                Arguments.of("active ne false", true),
                Arguments.of("active eq \"True\"", true),
                Arguments.of("active eq \"FALSE\"", false),
                Arguments.of("locked eq \"false\"", true),
                Arguments.of("active eq \"yes\"", false),
                Arguments.of("active ne \"True\"", false),
                // pr
                Arguments.of("userName pr", true),
                Arguments.of("name pr", true),
                Arguments.of("emails pr", true),
                Arguments.of("locked pr", true),
                Arguments.of("loginCount pr", true),
                Arguments.of("title pr", false),
                Arguments.of("nickName pr", false),
                Arguments.of("phoneNumbers pr", false),
                Arguments.of("addresses pr", false),
                Arguments.of("x509Certificates pr", false),
                Arguments.of("emails.display pr", false),
                Arguments.of("emails.primary pr", true),
                // null
                Arguments.of("title eq null", true),
                Arguments.of("x509Certificates eq null", true),
                Arguments.of("phoneNumbers eq null", true),
                Arguments.of("userName eq null", false),
                Arguments.of("title ne null", false),
                Arguments.of("userName ne null", true),
                // multi-valued attributes: any value matches
                Arguments.of("emails co \"jensen.org\"", true),
                Arguments.of("emails eq \"BABS@jensen.org\"", true),
                Arguments.of("emails co \"nothing\"", false),
                Arguments.of("emails.value co \"jensen.org\"", true),
                Arguments.of("emails.type eq \"home\"", true),
                Arguments.of("emails.type eq \"other\"", false),
                Arguments.of("emails.primary eq true", true),
                Arguments.of("schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"", true),
                Arguments.of("schemas eq \"urn:ietf:params:scim:schemas:core:2.0:Group\"", false),
                // value paths: one element must satisfy the whole inner filter
                Arguments.of("emails[type eq \"work\" and value co \"@example.com\"]", true),
                Arguments.of("emails[type eq \"home\" and value co \"@example.com\"]", false),
                Arguments.of("emails[type eq \"work\"].value eq \"bjensen@example.com\"", true),
                Arguments.of("emails[type eq \"home\"].value eq \"bjensen@example.com\"", false),
                Arguments.of("emails[type eq \"home\"].primary pr", false),
                Arguments.of("emails[not (type eq \"work\")]", true),
                Arguments.of("emails[not (primary eq true)]", true),
                Arguments.of("emails[primary eq true]", true),
                Arguments.of("EMAILS[TYPE eq \"WORK\"]", true),
                Arguments.of("emails[display pr]", false),
                Arguments.of("roles[primary eq \"True\"]", true),
                Arguments.of("roles[primary eq \"true\" and value eq \"admin\"]", true),
                Arguments.of("roles[primary eq \"True\" and value eq \"user\"]", false),
                Arguments.of("roles[primary eq false]", true),
                Arguments.of("schemas[value ew \":User\"]", true),
                Arguments.of("schemas[value eq \"nope\"]", false),
                Arguments.of("ims[type eq \"xmpp\" and value co \"@foo.com\"]", true),
                Arguments.of("members[value eq \"x\"]", false),
                Arguments.of("phoneNumbers[type eq \"mobile\"]", false),
                Arguments.of("not (emails[type eq \"other\"])", true),
                Arguments.of("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager[value sw \"2611\"]", true),
                // URN-qualified paths
                Arguments.of("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"701984\"", true),
                Arguments.of("URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER:EMPLOYEENUMBER eq \"701984\"", true),
                Arguments.of("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"26118915-6090-4610-87e4-49d8ca9f808d\"", true),
                Arguments.of("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName eq \"john smith\"", true),
                Arguments.of("urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"bjensen@example.com\"", true),
                Arguments.of("urn:ietf:params:scim:schemas:core:2.0:User:name.familyName eq \"Jensen\"", true),
                Arguments.of("urn:acme:ext:badge pr", false),
                Arguments.of("employeeNumber eq \"701984\"", false),
                // not is plain negation
                Arguments.of("not (userName eq \"x\")", true),
                Arguments.of("not (title eq \"x\")", true),
                Arguments.of("not (title pr)", true),
                Arguments.of("not (title ne \"x\")", false),
                // logic, including the RFC 7644 examples
                Arguments.of("title pr or userType eq \"Employee\"", true),
                Arguments.of("title pr and userType eq \"Employee\"", false),
                Arguments.of("userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")", true),
                Arguments.of("userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")", false),
                Arguments.of("userType eq \"Employee\" and (emails.type eq \"work\")", true),
                Arguments.of("userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]", true),
                Arguments.of("emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]", true),
                // legacy Entra unquoted ids
                Arguments.of("id eq 2819c223-7f76-453a-919d-413861904646", true),
                Arguments.of("employeeId eq 123", true),
                Arguments.of("employeeId eq 124", false));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("cases")
    void matchesTheFixture(String filter, boolean expected) {
        assertThat(matcher.matches(FilterParser.parse(filter), BJENSEN)).isEqualTo(expected);
    }

    @Test
    void caseExactMakesEveryComparisonCaseSensitive() {
        FilterMatcher exact = new FilterMatcher(p -> true);
        assertThat(exact.matches(FilterParser.parse("userName eq \"BJENSEN@example.com\""), BJENSEN)).isFalse();
        assertThat(exact.matches(FilterParser.parse("userName eq \"bjensen@example.com\""), BJENSEN)).isTrue();
        assertThat(exact.matches(FilterParser.parse("name.familyName gt \"a\""), BJENSEN)).isFalse();
        assertThat(exact.matches(FilterParser.parse("emails[type eq \"WORK\"]"), BJENSEN)).isFalse();
    }

    @Test
    void caseExactReceivesFullPaths() {
        List<String> seen = new ArrayList<>();
        Predicate<AttributePath> recording = p -> {
            seen.add(p.toString());
            return false;
        };
        FilterMatcher recorder = new FilterMatcher(recording);
        recorder.matches(FilterParser.parse("emails[value eq \"x\"]"), BJENSEN);
        recorder.matches(FilterParser.parse("emails co \"x\""), BJENSEN);
        recorder.matches(FilterParser.parse("urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"x\""), BJENSEN);
        recorder.matches(FilterParser.parse(
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"x\""), BJENSEN);
        assertThat(seen).containsOnly("emails.value", "userName",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value");
    }

    @Test
    void primitiveArrayElementsActAsValue() {
        JsonObject group = json("{\"tags\": [\"Blue\", \"green\"], \"scores\": [1, 5]}");
        assertThat(matcher.matches(FilterParser.parse("tags[value eq \"blue\"]"), group)).isTrue();
        assertThat(matcher.matches(FilterParser.parse("tags eq \"GREEN\""), group)).isTrue();
        assertThat(matcher.matches(FilterParser.parse("scores[value gt 4]"), group)).isTrue();
        assertThat(matcher.matches(FilterParser.parse("scores gt 5"), group)).isFalse();
    }

    @Test
    void groupCoreSchemaIsTheTopLevel() {
        JsonObject group = json("{\"displayName\": \"Admins\", \"members\": [{\"value\": \"2819c223\"}]}");
        assertThat(matcher.matches(FilterParser.parse(
                "urn:ietf:params:scim:schemas:core:2.0:Group:displayName eq \"admins\""), group)).isTrue();
        assertThat(matcher.matches(FilterParser.parse("members[value eq \"2819c223\"]"), group)).isTrue();
        assertThat(matcher.matches(FilterParser.parse("members[value eq \"2819C223\"]"), group)).isTrue();
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
