package io.roster.filter.control;

import static io.roster.filter.control.FilterFixtures.CORE_USER;
import static io.roster.filter.control.FilterFixtures.ENTERPRISE;
import static io.roster.filter.control.FilterFixtures.and;
import static io.roster.filter.control.FilterFixtures.cmp;
import static io.roster.filter.control.FilterFixtures.eq;
import static io.roster.filter.control.FilterFixtures.or;
import static io.roster.filter.control.FilterFixtures.path;
import static io.roster.filter.control.FilterFixtures.urn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roster.filter.entity.AttributePath;
import io.roster.filter.entity.Operator;
import io.roster.filter.entity.PatchPath;
import io.roster.protocol.entity.ScimException;
import io.roster.protocol.entity.ScimType;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PatchPathTest {

    static Stream<Arguments> validPaths() {
        return Stream.of(
                Arguments.of("userName", new PatchPath(path("userName"), null, null)),
                Arguments.of("active", new PatchPath(path("active"), null, null)),
                Arguments.of("name.familyName", new PatchPath(path("name.familyName"), null, null)),
                Arguments.of("members", new PatchPath(path("members"), null, null)),
                Arguments.of(ENTERPRISE + ":manager", new PatchPath(urn(ENTERPRISE, "manager", null), null, null)),
                Arguments.of(ENTERPRISE + ":manager.value", new PatchPath(urn(ENTERPRISE, "manager", "value"), null, null)),
                Arguments.of(ENTERPRISE + ":employeeNumber",
                        new PatchPath(urn(ENTERPRISE, "employeeNumber", null), null, null)),
                Arguments.of(CORE_USER + ":name.givenName", new PatchPath(urn(CORE_USER, "name", "givenName"), null, null)),
                Arguments.of("members[value eq \"x\"]", new PatchPath(path("members"), eq("value", "x"), null)),
                Arguments.of("members[value eq \"2819c223-7f76-453a-919d-413861904646\"]",
                        new PatchPath(path("members"), eq("value", "2819c223-7f76-453a-919d-413861904646"), null)),
                Arguments.of("members[value eq \"a\" or value eq \"b\"]",
                        new PatchPath(path("members"), or(eq("value", "a"), eq("value", "b")), null)),
                Arguments.of("emails[type eq \"work\"].value", new PatchPath(path("emails"), eq("type", "work"), "value")),
                Arguments.of("emails[type eq \"work\" and primary eq true].display",
                        new PatchPath(path("emails"),
                                and(eq("type", "work"), cmp("primary", Operator.EQ, JsonValue.TRUE)), "display")),
                Arguments.of("addresses[type eq \"work\"].streetAddress",
                        new PatchPath(path("addresses"), eq("type", "work"), "streetAddress")),
                Arguments.of(CORE_USER + ":emails[type eq \"work\"].value",
                        new PatchPath(urn(CORE_USER, "emails", null), eq("type", "work"), "value")),
                Arguments.of("roles[primary eq \"True\"].value", new PatchPath(path("roles"), eq("primary", "True"), "value")),
                Arguments.of("EMAILS[TYPE EQ \"work\"].VALUE", new PatchPath(path("EMAILS"), eq("TYPE", "work"), "VALUE")),
                Arguments.of("members[$ref eq \"u/1\"]", new PatchPath(path("members"), eq("$ref", "u/1"), null)),
                Arguments.of(" name.familyName ", new PatchPath(path("name.familyName"), null, null)));
    }

    static Stream<String> invalidPaths() {
        return Stream.of(null, "", "  ", "emails[", "emails[type eq \"work\"", "emails[type eq \"work\"].",
                "emails[type eq \"work\"]x", "emails[type eq \"work\"] .value", "emails[type eq \"work\"].value.display",
                "name.givenName[type eq \"x\"]", "emails[value eq bare]", "userName eq \"x\"", "name.", "a b",
                "emails[phones[x pr]]", "1abc", "name..x", "(userName)", "emails[]", "x".repeat(8193));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("validPaths")
    void parsesPatchPath(String input, PatchPath expected) {
        PatchPath parsed = FilterParser.parsePatchPath(input);
        assertThat(parsed).isEqualTo(expected);
        assertThat(FilterParser.parsePatchPath(parsed.toString())).isEqualTo(parsed);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidPaths")
    void rejectsInvalidPatchPath(String input) {
        assertThatThrownBy(() -> FilterParser.parsePatchPath(input))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.scimType()).isEqualTo(ScimType.INVALID_PATH));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("validPaths")
    void attributeKeepsClientCaseButComparesCaseInsensitively(String input, PatchPath expected) {
        AttributePath attribute = FilterParser.parsePatchPath(input.toUpperCase(Locale.ROOT)).attribute();
        assertThat(attribute.sameAs(expected.attribute())).isTrue();
    }
}
