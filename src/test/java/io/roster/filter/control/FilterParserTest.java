package io.roster.filter.control;

import static io.roster.filter.control.FilterFixtures.CORE_USER;
import static io.roster.filter.control.FilterFixtures.ENTERPRISE;
import static io.roster.filter.control.FilterFixtures.and;
import static io.roster.filter.control.FilterFixtures.cmp;
import static io.roster.filter.control.FilterFixtures.eq;
import static io.roster.filter.control.FilterFixtures.not;
import static io.roster.filter.control.FilterFixtures.num;
import static io.roster.filter.control.FilterFixtures.or;
import static io.roster.filter.control.FilterFixtures.path;
import static io.roster.filter.control.FilterFixtures.pr;
import static io.roster.filter.control.FilterFixtures.str;
import static io.roster.filter.control.FilterFixtures.urn;
import static io.roster.filter.control.FilterFixtures.vp;
import static io.roster.filter.entity.Operator.CO;
import static io.roster.filter.entity.Operator.EQ;
import static io.roster.filter.entity.Operator.EW;
import static io.roster.filter.entity.Operator.GE;
import static io.roster.filter.entity.Operator.GT;
import static io.roster.filter.entity.Operator.LE;
import static io.roster.filter.entity.Operator.LT;
import static io.roster.filter.entity.Operator.NE;
import static io.roster.filter.entity.Operator.SW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.roster.filter.entity.Compare;
import io.roster.filter.entity.Filter;
import io.roster.filter.entity.Present;
import io.roster.filter.entity.ValuePath;
import io.roster.protocol.entity.ScimException;
import io.roster.protocol.entity.ScimType;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterParserTest {

    private static final String MANAGER_ID = "26118915-6090-4610-87e4-49d8ca9f808d";

    static Stream<Arguments> validFilters() {
        return Stream.of(
                // RFC 7644 §3.4.2.2 examples
                Arguments.of("userName eq \"bjensen\"", eq("userName", "bjensen")),
                Arguments.of("name.familyName co \"O'Malley\"", cmp("name.familyName", CO, "O'Malley")),
                Arguments.of("userName sw \"J\"", cmp("userName", SW, "J")),
                Arguments.of("urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"",
                        cmp(urn(CORE_USER, "userName", null), SW, str("J"))),
                Arguments.of("title pr", pr("title")),
                Arguments.of("meta.lastModified gt \"2011-05-13T04:42:34Z\"",
                        cmp("meta.lastModified", GT, "2011-05-13T04:42:34Z")),
                Arguments.of("meta.lastModified ge \"2011-05-13T04:42:34Z\"",
                        cmp("meta.lastModified", GE, "2011-05-13T04:42:34Z")),
                Arguments.of("meta.lastModified lt \"2011-05-13T04:42:34Z\"",
                        cmp("meta.lastModified", LT, "2011-05-13T04:42:34Z")),
                Arguments.of("meta.lastModified le \"2011-05-13T04:42:34Z\"",
                        cmp("meta.lastModified", LE, "2011-05-13T04:42:34Z")),
                Arguments.of("title pr and userType eq \"Employee\"", and(pr("title"), eq("userType", "Employee"))),
                Arguments.of("title pr or userType eq \"Intern\"", or(pr("title"), eq("userType", "Intern"))),
                Arguments.of("schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"",
                        eq("schemas", ENTERPRISE)),
                Arguments.of("userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")",
                        and(eq("userType", "Employee"),
                                or(cmp("emails", CO, "example.com"), cmp("emails.value", CO, "example.org")))),
                Arguments.of("userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")",
                        and(cmp("userType", NE, "Employee"),
                                not(or(cmp("emails", CO, "example.com"), cmp("emails.value", CO, "example.org"))))),
                Arguments.of("userType eq \"Employee\" and (emails.type eq \"work\")",
                        and(eq("userType", "Employee"), eq("emails.type", "work"))),
                Arguments.of("userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]",
                        and(eq("userType", "Employee"),
                                vp("emails", and(eq("type", "work"), cmp("value", CO, "@example.com"))))),
                Arguments.of("emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]",
                        or(vp("emails", and(eq("type", "work"), cmp("value", CO, "@example.com"))),
                                vp("ims", and(eq("type", "xmpp"), cmp("value", CO, "@foo.com"))))),

                // every operator
                Arguments.of("userName ne \"x\"", cmp("userName", NE, "x")),
                Arguments.of("userName co \"x\"", cmp("userName", CO, "x")),
                Arguments.of("userName ew \"@example.com\"", cmp("userName", EW, "@example.com")),
                Arguments.of("loginCount gt 5", cmp("loginCount", GT, num("5"))),
                Arguments.of("loginCount ge 5", cmp("loginCount", GE, num("5"))),
                Arguments.of("loginCount lt 5", cmp("loginCount", LT, num("5"))),
                Arguments.of("loginCount le 5", cmp("loginCount", LE, num("5"))),

                // keywords are case-insensitive
                Arguments.of("userName Eq \"x\"", eq("userName", "x")),
                Arguments.of("userName EQ \"x\"", eq("userName", "x")),
                Arguments.of("userName sW \"x\"", cmp("userName", SW, "x")),
                Arguments.of("title PR", pr("title")),
                Arguments.of("title pr AND nickName Pr", and(pr("title"), pr("nickName"))),
                Arguments.of("title pr Or nickName pr", or(pr("title"), pr("nickName"))),
                Arguments.of("NOT (title pr)", not(pr("title"))),
                Arguments.of("active eq TRUE", cmp("active", EQ, JsonValue.TRUE)),
                Arguments.of("active eq False", cmp("active", EQ, JsonValue.FALSE)),
                Arguments.of("title eq NULL", cmp("title", EQ, JsonValue.NULL)),

                // not
                Arguments.of("not(title pr)", not(pr("title"))),
                Arguments.of("not (title pr)", not(pr("title"))),
                Arguments.of("not   (title pr)", not(pr("title"))),
                Arguments.of("not (not (title pr))", not(not(pr("title")))),
                Arguments.of("not (title pr) and nickName pr", and(not(pr("title")), pr("nickName"))),
                Arguments.of("not (title pr or nickName pr)", not(or(pr("title"), pr("nickName")))),

                // JSON literals
                Arguments.of("active eq true", cmp("active", EQ, JsonValue.TRUE)),
                Arguments.of("active ne false", cmp("active", NE, JsonValue.FALSE)),
                Arguments.of("title eq null", cmp("title", EQ, JsonValue.NULL)),
                Arguments.of("title ne null", cmp("title", NE, JsonValue.NULL)),
                Arguments.of("loginCount eq 0", cmp("loginCount", EQ, num("0"))),
                Arguments.of("loginCount eq -1", cmp("loginCount", EQ, num("-1"))),
                Arguments.of("rating gt 3.14", cmp("rating", GT, num("3.14"))),
                Arguments.of("rating eq 1.50", cmp("rating", EQ, num("1.50"))),
                Arguments.of("rating lt 1e10", cmp("rating", LT, num("1e10"))),
                Arguments.of("rating ge 1E-3", cmp("rating", GE, num("1E-3"))),
                Arguments.of("rating le -0.5e+2", cmp("rating", LE, num("-0.5e+2"))),
                Arguments.of("nickName eq \"\"", eq("nickName", "")),

                // string escapes
                Arguments.of("userName eq \"a\\\"b\"", eq("userName", "a\"b")),
                Arguments.of("userName eq \"back\\\\slash\"", eq("userName", "back\\slash")),
                Arguments.of("userName eq \"\\/path\"", eq("userName", "/path")),
                Arguments.of("userName eq \"Jos\\u00e9\"", eq("userName", "José")),
                Arguments.of("userName eq \"Jos\\u00E9\"", eq("userName", "José")),
                Arguments.of("userName eq \"\\uD83D\\uDE00\"", eq("userName", "\uD83D\uDE00")),
                Arguments.of("userName eq \"a\\nb\\tc\\rd\\be\\ff\"", eq("userName", "a\nb\tc\rd\be\ff")),
                Arguments.of("userName eq \"nul\\u0000byte\"", eq("userName", "nul\u0000byte")),
                Arguments.of("userName eq \"raw\u0001control\"", eq("userName", "raw\u0001control")),
                Arguments.of("userName eq \"José 日本\"", eq("userName", "José 日本")),

                // SQL and filter metacharacters are plain data inside strings
                Arguments.of("userName eq \"x' OR '1'='1\"", eq("userName", "x' OR '1'='1")),
                Arguments.of("userName eq \"'; DROP TABLE users; --\"", eq("userName", "'; DROP TABLE users; --")),
                Arguments.of("userName co \"%_*\"", cmp("userName", CO, "%_*")),
                Arguments.of("userName eq \"a) or (b\"", eq("userName", "a) or (b")),
                Arguments.of("emails[value eq \"]x[\"]", vp("emails", eq("value", "]x["))),
                Arguments.of("displayName eq \"title pr and not (x)\"", eq("displayName", "title pr and not (x)")),

                // precedence: or < and < not < attribute expressions
                Arguments.of("a pr or b pr and c pr", or(pr("a"), and(pr("b"), pr("c")))),
                Arguments.of("a pr and b pr or c pr", or(and(pr("a"), pr("b")), pr("c"))),
                Arguments.of("a pr and b pr and c pr", and(and(pr("a"), pr("b")), pr("c"))),
                Arguments.of("a pr or b pr or c pr", or(or(pr("a"), pr("b")), pr("c"))),
                Arguments.of("(a pr or b pr) and c pr", and(or(pr("a"), pr("b")), pr("c"))),
                Arguments.of("a pr and (b pr or c pr)", and(pr("a"), or(pr("b"), pr("c")))),
                Arguments.of("a pr and (b pr and c pr)", and(pr("a"), and(pr("b"), pr("c")))),
                Arguments.of("a pr or (b pr or c pr)", or(pr("a"), or(pr("b"), pr("c")))),
                Arguments.of("not (a pr) or b pr and not (c pr)", or(not(pr("a")), and(pr("b"), not(pr("c"))))),
                Arguments.of("a pr or b pr and c pr or d pr",
                        or(or(pr("a"), and(pr("b"), pr("c"))), pr("d"))),
                Arguments.of("((a pr))", pr("a")),
                Arguments.of("(((a pr or b pr)))", or(pr("a"), pr("b"))),

                // attribute paths
                Arguments.of("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"701984\"",
                        cmp(urn(ENTERPRISE, "employeeNumber", null), EQ, str("701984"))),
                Arguments.of("urn:ietf:params:scim:schemas:core:2.0:User:name.familyName eq \"Jensen\"",
                        cmp(urn(CORE_USER, "name", "familyName"), EQ, str("Jensen"))),
                Arguments.of("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"" + MANAGER_ID + "\"",
                        cmp(urn(ENTERPRISE, "manager", "value"), EQ, str(MANAGER_ID))),
                Arguments.of("urn:ietf:params:scim:schemas:core:2.0:Group:displayName eq \"Admins\"",
                        cmp(urn("urn:ietf:params:scim:schemas:core:2.0:Group", "displayName", null), EQ, str("Admins"))),
                Arguments.of("urn:acme:scim:Employee:badge pr", new Present(urn("urn:acme:scim:Employee", "badge", null))),
                Arguments.of("members.$ref pr", pr("members.$ref")),
                Arguments.of("members[$ref eq \"https://example.com/v2/Users/1\"]",
                        vp("members", eq("$ref", "https://example.com/v2/Users/1"))),
                Arguments.of("x-attr_1 pr", pr("x-attr_1")),
                Arguments.of("meta.resourceType eq \"User\"", eq("meta.resourceType", "User")),
                Arguments.of("USERNAME eq \"x\"", eq("USERNAME", "x")),
                Arguments.of("Name.FamilyName eq \"x\"", eq("Name.FamilyName", "x")),

                // value paths
                Arguments.of("emails[type eq \"work\"]", vp("emails", eq("type", "work"))),
                Arguments.of("emails[type eq \"work\"].value eq \"a@b.c\"",
                        vp("emails", and(eq("type", "work"), eq("value", "a@b.c")))),
                Arguments.of("emails[type eq \"work\"].value pr", vp("emails", and(eq("type", "work"), pr("value")))),
                Arguments.of("emails[type eq \"work\" or type eq \"home\"].value co \"x\"",
                        vp("emails", and(or(eq("type", "work"), eq("type", "home")), cmp("value", CO, "x")))),
                Arguments.of("emails[not (type eq \"work\")]", vp("emails", not(eq("type", "work")))),
                Arguments.of("emails[(type eq \"work\")]", vp("emails", eq("type", "work"))),
                Arguments.of("emails[primary eq true]", vp("emails", cmp("primary", EQ, JsonValue.TRUE))),
                Arguments.of("roles[primary eq \"True\"]", vp("roles", eq("primary", "True"))),
                Arguments.of("members[value eq \"2819c223\"]", vp("members", eq("value", "2819c223"))),
                Arguments.of("urn:ietf:params:scim:schemas:core:2.0:User:emails[type eq \"work\"]",
                        new ValuePath(urn(CORE_USER, "emails", null), eq("type", "work"))),
                Arguments.of("emails[type eq \"work\"] and not (emails[type eq \"home\"])",
                        and(vp("emails", eq("type", "work")), not(vp("emails", eq("type", "home"))))),
                Arguments.of("phoneNumbers[type eq \"mobile\"] or emails[value ew \"@x.org\"]",
                        or(vp("phoneNumbers", eq("type", "mobile")), vp("emails", cmp("value", EW, "@x.org")))),
                Arguments.of("addresses[type eq \"work\" and postalCode sw \"9\"]",
                        vp("addresses", and(eq("type", "work"), cmp("postalCode", SW, "9")))),
                Arguments.of("emails [type eq \"work\"]", vp("emails", eq("type", "work"))),

                // filters sent by Okta and Microsoft Entra ID
                Arguments.of("userName eq \"Runscope123Abcdefghi456@atko.com\"",
                        eq("userName", "Runscope123Abcdefghi456@atko.com")),
                Arguments.of("externalId eq \"00ujl29u0le5T6Aj10h7\"", eq("externalId", "00ujl29u0le5T6Aj10h7")),
                Arguments.of("displayName eq \"Test SCIMv2\"", eq("displayName", "Test SCIMv2")),
                Arguments.of("id eq \"x\" and manager eq \"y\"", and(eq("id", "x"), eq("manager", "y"))),
                Arguments.of("id eq 6a0b8c1d-2e3f-4a5b-8c9d-0e1f2a3b4c5d and manager eq 123",
                        and(eq("id", "6a0b8c1d-2e3f-4a5b-8c9d-0e1f2a3b4c5d"), cmp("manager", EQ, num("123")))),
                Arguments.of("externalId eq 00ujl29u0le5T6Aj10h7", eq("externalId", "00ujl29u0le5T6Aj10h7")),
                Arguments.of("userName eq \"test.user@example.com\" and active eq true",
                        and(eq("userName", "test.user@example.com"), cmp("active", EQ, JsonValue.TRUE))),
                Arguments.of("displayName eq \"Group & Co\"", eq("displayName", "Group & Co")),
                Arguments.of("meta.lastModified gt \"2011-05-13T04:42:34Z\" and meta.lastModified lt \"2012-01-01T00:00:00Z\"",
                        and(cmp("meta.lastModified", GT, "2011-05-13T04:42:34Z"),
                                cmp("meta.lastModified", LT, "2012-01-01T00:00:00Z"))),

                // whitespace
                Arguments.of("  userName eq \"x\"  ", eq("userName", "x")),
                Arguments.of("userName   eq    \"x\"", eq("userName", "x")),
                Arguments.of("userName eq\"x\"", eq("userName", "x")),
                Arguments.of("(title pr)and(nickName pr)", and(pr("title"), pr("nickName"))),
                Arguments.of("( title pr )", pr("title")),

                // keywords used as attribute names
                Arguments.of("not pr", pr("not")),
                Arguments.of("not eq \"x\"", eq("not", "x")),
                Arguments.of("pr pr", pr("pr")),
                Arguments.of("and pr and or pr", and(pr("and"), pr("or"))));
    }

    static Stream<Arguments> invalidFilters() {
        return Stream.of(
                Arguments.of((String) null),
                Arguments.of(""),
                Arguments.of("   "),
                Arguments.of("userName"),
                Arguments.of("userName eq"),
                Arguments.of("userName eq bjensen"),
                Arguments.of("userName ne bjensen-1"),
                Arguments.of("userName gt 123abc"),
                Arguments.of("userName zz \"x\""),
                Arguments.of("userName = \"x\""),
                Arguments.of("userName eq 'single'"),
                Arguments.of("userName eq \"x\" and"),
                Arguments.of("userName eq \"x\" or"),
                Arguments.of("userName eq \"x\" or or title pr"),
                Arguments.of("userName eq \"x\" title pr"),
                Arguments.of("userName eq \"x\" && title pr"),
                Arguments.of("userName eq \"x\"; drop table users"),
                Arguments.of("title pr pr"),
                Arguments.of("and userName eq \"x\""),
                Arguments.of("(userName eq \"x\""),
                Arguments.of("userName eq \"x\")"),
                Arguments.of("((userName eq \"x\")"),
                Arguments.of("()"),
                Arguments.of("userName eq \"x\" and ()"),
                Arguments.of("not userName eq \"x\""),
                Arguments.of("not title pr"),
                Arguments.of("not (title pr"),
                Arguments.of("title pr and not"),
                Arguments.of("emails[type eq \"work\""),
                Arguments.of("emails[type eq \"work\"]]"),
                Arguments.of("emails[]"),
                Arguments.of("[]"),
                Arguments.of("emails[type eq \"work\" and phones[type eq \"x\"]]"),
                Arguments.of("emails[type eq \"work\"].value"),
                Arguments.of("emails[type eq \"work\"] .value eq \"x\""),
                Arguments.of("emails[type eq \"work\"].1value eq \"x\""),
                Arguments.of("name.givenName[type eq \"x\"]"),
                Arguments.of("userName eq \"unterminated"),
                Arguments.of("userName eq \"trailing backslash\\"),
                Arguments.of("userName eq \"bad \\x escape\""),
                Arguments.of("userName eq \"\\u12G4\""),
                Arguments.of("userName eq \"\\u12\""),
                Arguments.of("1userName eq \"x\""),
                Arguments.of("name..givenName eq \"x\""),
                Arguments.of("name.givenName.x eq \"x\""),
                Arguments.of("name. eq \"x\""),
                Arguments.of(":userName eq \"x\""),
                Arguments.of("urn:ietf::userName eq \"x\""),
                Arguments.of("urn:ietf:params:scim:schemas:core:2.0:User: eq \"x\""),
                Arguments.of("userName co 5"),
                Arguments.of("userName sw true"),
                Arguments.of("userName co null"),
                Arguments.of("active gt true"),
                Arguments.of("title lt null"),
                Arguments.of("userName eq 01.5"),
                Arguments.of("userName eq 1e99999999999"),
                Arguments.of("userName\teq \"x\""),
                Arguments.of("userName eq \"x\"\n"),
                Arguments.of("userName eq \"x\" \u0000"),
                Arguments.of("userName eq \"x\"@"),
                Arguments.of("userName eq \"x\" # comment"),
                Arguments.of("名前 eq \"x\""),
                Arguments.of("userName eq \"" + "x".repeat(100_000) + "\""),
                Arguments.of("(".repeat(5_000)),
                Arguments.of("(".repeat(51) + "title pr" + ")".repeat(51)),
                Arguments.of("not (".repeat(51) + "title pr" + ")".repeat(51)),
                Arguments.of("a[".repeat(3) + "b pr" + "]".repeat(3)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("validFilters")
    void parsesValidFilter(String input, Filter expected) {
        assertThat(FilterParser.parse(input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("validFilters")
    void toStringRoundTrips(String input, Filter expected) {
        Filter parsed = FilterParser.parse(input);
        String canonical = parsed.toString();
        assertThat(FilterParser.parse(canonical)).isEqualTo(parsed);
        assertThat(FilterParser.parse(canonical).toString()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidFilters")
    void rejectsInvalidFilter(String input) {
        assertThatThrownBy(() -> FilterParser.parse(input))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.scimType()).isEqualTo(ScimType.INVALID_FILTER);
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.detail()).isNotBlank();
                });
    }

    @Test
    void printsCanonicalSyntax() {
        assertThat(FilterParser.parse("USERNAME Eq \"a\\u0022b\"").toString()).isEqualTo("USERNAME eq \"a\\\"b\"");
        assertThat(FilterParser.parse("NOT(title PR)").toString()).isEqualTo("not (title pr)");
        assertThat(FilterParser.parse("(a pr or b pr) and (c pr or d pr)").toString())
                .isEqualTo("(a pr or b pr) and (c pr or d pr)");
        assertThat(FilterParser.parse("a pr and b pr and c pr").toString()).isEqualTo("a pr and b pr and c pr");
        assertThat(FilterParser.parse("a pr and (b pr and c pr)").toString()).isEqualTo("a pr and (b pr and c pr)");
        assertThat(FilterParser.parse("emails[type eq \"work\"].value eq \"x\"").toString())
                .isEqualTo("emails[type eq \"work\" and value eq \"x\"]");
        assertThat(FilterParser.parse("userName eq \"tab\\there\\u0001\"").toString())
                .isEqualTo("userName eq \"tab\\there\\u0001\"");
        assertThat(FilterParser.parse("rating eq 1.50").toString()).isEqualTo("rating eq 1.50");
        assertThat(FilterParser.parse("active eq TRUE and x eq NULL").toString()).isEqualTo("active eq true and x eq null");
    }

    @Test
    void errorNamesExpectationAndPosition() {
        assertThatThrownBy(() -> FilterParser.parse("(userName eq \"x\""))
                .hasMessageStartingWith("Expected ')' at position 16");
        assertThatThrownBy(() -> FilterParser.parse("userName zz \"x\""))
                .hasMessageStartingWith("Expected operator").hasMessageContaining("position 9");
        assertThatThrownBy(() -> FilterParser.parse("emails[type eq \"work\""))
                .hasMessageStartingWith("Expected ']' at position 21");
        assertThatThrownBy(() -> FilterParser.parse("userName eq bjensen"))
                .hasMessageContaining("position 12");
        assertThatThrownBy(() -> FilterParser.parse("userName eq \"x\" title pr"))
                .hasMessageStartingWith("Expected 'and', 'or' or end of filter at position 16");
        assertThatThrownBy(() -> FilterParser.parse("userName eq \"abc"))
                .hasMessage("Unterminated string starting at position 12");
        assertThatThrownBy(() -> FilterParser.parse("userName\teq \"x\""))
                .hasMessage("Unexpected control character U+0009 at position 8");
    }

    @Test
    void hostileNestingFailsFastWithoutStackOverflow() {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertThatThrownBy(() -> FilterParser.parse("(".repeat(5_000)))
                    .isInstanceOf(ScimException.class).hasMessageContaining("deeper than 50");
            assertThatThrownBy(() -> FilterParser.parse("not (".repeat(1_600)))
                    .isInstanceOf(ScimException.class).hasMessageContaining("deeper than 50");
            assertThatThrownBy(() -> FilterParser.parse("(".repeat(5_000) + "a pr" + ")".repeat(5_000)))
                    .isInstanceOf(ScimException.class).hasMessageContaining("longer than 8192");
        });
    }

    @Test
    void acceptsNestingUpToTheLimit() {
        assertThat(FilterParser.parse("(".repeat(50) + "title pr" + ")".repeat(50))).isEqualTo(pr("title"));
        Filter fifty = pr("title");
        for (int i = 0; i < 50; i++) {
            fifty = not(fifty);
        }
        assertThat(FilterParser.parse("not (".repeat(50) + "title pr" + ")".repeat(50))).isEqualTo(fifty);
        assertThat(FilterParser.parse(fifty.toString())).isEqualTo(fifty);
    }

    @Test
    void longChainsParseAndPrintWithoutParentheses() {
        String chain = String.join(" and ", java.util.Collections.nCopies(900, "a pr"));
        Filter parsed = FilterParser.parse(chain);
        assertThat(parsed.toString()).isEqualTo(chain);
    }

    @Test
    void lengthLimitIsInclusive() {
        String prefix = "userName eq \"";
        String atLimit = prefix + "x".repeat(8192 - prefix.length() - 1) + "\"";
        assertThat(atLimit).hasSize(8192);
        assertThat(FilterParser.parse(atLimit)).isInstanceOf(Compare.class);
        assertThatThrownBy(() -> FilterParser.parse(atLimit + " "))
                .isInstanceOf(ScimException.class).hasMessageContaining("longer than 8192");
    }

    @Test
    void randomInputNeverThrowsAnythingButScimException() {
        String[] pieces = {"userName", "emails", "not", "and", "or", "eq", "pr", "gt", " ", " ", "(", ")", "[", "]",
            "\"x\"", "\"", "\\", ".value", "urn:a:b:", "1", "-", "true", "null", ":", ".", "$ref", "\u0000", "é"};
        Random random = new Random(7644);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder input = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                input.append(pieces[random.nextInt(pieces.length)]);
            }
            try {
                Filter parsed = FilterParser.parse(input.toString());
                assertThat(FilterParser.parse(parsed.toString())).as(input.toString()).isEqualTo(parsed);
            } catch (ScimException e) {
                assertThat(e.scimType()).isEqualTo(ScimType.INVALID_FILTER);
            }
        }
    }

    @Test
    void parsePathReadsPlainAttributePaths() {
        assertThat(FilterParser.parsePath("name.givenName")).isEqualTo(path("name.givenName"));
        assertThat(FilterParser.parsePath("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber"))
                .isEqualTo(urn(ENTERPRISE, "employeeNumber", null));
        assertThat(FilterParser.parsePath("urn:ietf:params:scim:schemas:core:2.0:User:name.familyName"))
                .isEqualTo(urn(CORE_USER, "name", "familyName"));
        assertThatThrownBy(() -> FilterParser.parsePath("emails[type eq \"work\"]"))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.scimType()).isEqualTo(ScimType.INVALID_PATH));
        assertThatThrownBy(() -> FilterParser.parsePath(null)).isInstanceOf(ScimException.class);
    }
}
