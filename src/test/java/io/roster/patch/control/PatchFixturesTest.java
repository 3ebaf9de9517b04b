package io.roster.patch.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.roster.patch.entity.PatchOperation;
import io.roster.patch.entity.PatchRequest;
import io.roster.protocol.entity.ScimException;
import io.roster.schema.control.ResourceValidator;
import io.roster.schema.entity.CoreSchemas;
import io.roster.schema.entity.ResourceType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every {@code src/test/resources/patch/*.json} fixture the way {@code PATCH /Users/{id}} and
 * {@code PATCH /Groups/{id}} do: parse the PatchOp body, apply it to the stored canonical document plus its
 * {@code id}, then normalize the result with the same validator PUT uses. A fixture either names the expected
 * canonical document ({@code after}, without {@code id}) or the expected error ({@code error}: {@code status},
 * {@code scimType} and, optionally, the index of the failing {@code operation}, which the detail must name).
 */
class PatchFixturesTest {

    /** The {@code id} added to a fixture's {@code before} document when it has none, as the server adds it. */
    static final String DEFAULT_ID = "2819c223-7f76-453a-919d-413861904646";

    private static final String DIRECTORY = "patch";

    static Stream<Arguments> fixtures() throws IOException, URISyntaxException {
        URL url = PatchFixturesTest.class.getClassLoader().getResource(DIRECTORY);
        assertThat(url).as("classpath directory '%s'", DIRECTORY).isNotNull();
        URI uri = url.toURI();
        if ("jar".equals(uri.getScheme())) {
            FileSystem jar;
            try {
                jar = FileSystems.getFileSystem(uri);
            } catch (FileSystemNotFoundException notOpen) {
                jar = FileSystems.newFileSystem(uri, Map.of());
            }
            return load(jar.getPath(DIRECTORY));
        }
        return load(Path.of(uri));
    }

    private static Stream<Arguments> load(Path directory) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).as("PATCH fixtures in %s", directory).isNotEmpty();
        return files.stream().map(file -> Arguments.of(file.getFileName().toString(), read(file)));
    }

    private static JsonObject read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonReader json = Json.createReader(reader)) {
            return json.readObject();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixture(String file, JsonObject fixture) {
        assertThat(fixture.keySet()).as("%s: keys", file)
                .containsAnyOf("after", "error")
                .contains("description", "resourceType", "before", "operations")
                .isSubsetOf("description", "resourceType", "before", "operations", "after", "error");
        assertThat(fixture.containsKey("after") && fixture.containsKey("error"))
                .as("%s: either 'after' or 'error', not both", file).isFalse();
        ResourceType type = type(fixture.getString("resourceType"));
        ResourceValidator validator = new ResourceValidator(type);
        JsonObject before = fixture.getJsonObject("before");
        JsonObject stored = Json.createObjectBuilder(before).remove("id").build();
        assertThat(validator.normalize(stored)).as("%s: 'before' must be a canonical stored document", file)
                .isEqualTo(stored);
        JsonObject current = before.containsKey("id") ? before
                : Json.createObjectBuilder(before).add("id", DEFAULT_ID).build();
        JsonObject body = Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add(PatchRequest.SCHEMA))
                .add("Operations", fixture.get("operations"))
                .build();

        if (fixture.containsKey("error")) {
            JsonObject error = fixture.getJsonObject("error");
            assertThatThrownBy(() -> run(type, validator, current, body))
                    .as("%s: %s", file, fixture.getString("description"))
                    .isInstanceOfSatisfying(ScimException.class, e -> {
                        assertThat(e.status()).as("%s: status (%s)", file, e.detail())
                                .isEqualTo(error.getInt("status"));
                        assertThat(e.scimType() == null ? null : e.scimType().keyword())
                                .as("%s: scimType (%s)", file, e.detail())
                                .isEqualTo(error.getString("scimType", null));
                        assertThat(e.detail()).as("%s: detail", file).isNotBlank();
                        if (error.containsKey("operation")) {
                            assertThat(e.detail()).as("%s: the detail names the failing operation", file)
                                    .startsWith("Operations[" + error.getInt("operation") + "]");
                        }
                    });
            return;
        }
        JsonObject expected = fixture.getJsonObject("after");
        assertThat(validator.normalize(expected)).as("%s: 'after' must be canonical", file).isEqualTo(expected);
        JsonObject actual;
        try {
            actual = run(type, validator, current, body);
        } catch (ScimException e) {
            fail("%s: %s failed with %s %s: %s", file, fixture.getString("description"), e.status(),
                    e.scimType(), e.detail());
            return;
        }
        assertThat(actual).as("%s: %s", file, fixture.getString("description")).isEqualTo(expected);
    }

    private static JsonObject run(ResourceType type, ResourceValidator validator, JsonObject current,
            JsonObject body) {
        List<PatchOperation> operations = PatchRequest.fromJson(body).operations();
        JsonObject patched = new PatchEngine(type).apply(current, operations);
        return validator.normalize(current, patched);
    }

    private static ResourceType type(String name) {
        return switch (name) {
            case "User" -> CoreSchemas.USER_TYPE;
            case "Group" -> CoreSchemas.GROUP_TYPE;
            default -> throw new IllegalArgumentException("Unknown resourceType " + name);
        };
    }

    // --- behaviour that is not a before/after pair -------------------------------------------------------

    @Test
    void failingOperationLeavesTheInputUnchangedAndAppliesNothing() {
        JsonObject input = json("""
                {"id": "%s", "userName": "bjensen", "displayName": "Babs", "active": true,
                 "emails": [{"value": "bjensen@example.com", "type": "work", "primary": true}]}
                """.formatted(DEFAULT_ID));
        String copy = input.toString();
        List<PatchOperation> operations = PatchRequest.fromJson(json("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [
                   {"op": "replace", "path": "displayName", "value": "Barbara"},
                   {"op": "replace", "path": "emails[type eq \\"other\\"]", "value": {"value": "x@y.org"}},
                   {"op": "replace", "path": "active", "value": false}]}
                """)).operations();
        PatchEngine engine = new PatchEngine(CoreSchemas.USER_TYPE);

        assertThatThrownBy(() -> engine.apply(input, operations))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType().keyword()).isEqualTo("noTarget");
                    assertThat(e.detail()).startsWith("Operations[1]");
                });
        assertThat(input.toString()).isEqualTo(copy);
        assertThat(input.getString("displayName")).isEqualTo("Babs");
        assertThat(input.getJsonArray("emails")).hasSize(1);
    }

    @Test
    void successfulPatchReturnsANewDocumentAndLeavesTheInputAlone() {
        JsonObject input = json("""
                {"id": "%s", "userName": "bjensen", "name": {"givenName": "Barbara", "familyName": "Jensen"}}
                """.formatted(DEFAULT_ID));
        String copy = input.toString();
        List<PatchOperation> operations = PatchRequest.fromJson(json("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "path": "name.givenName", "value": "Babs"}]}
                """)).operations();

        JsonObject patched = new PatchEngine(CoreSchemas.USER_TYPE).apply(input, operations);

        assertThat(patched.getJsonObject("name").getString("givenName")).isEqualTo("Babs");
        assertThat(input.toString()).isEqualTo(copy);
    }

    static Stream<Arguments> malformedRequests() {
        return Stream.of(
                Arguments.of("missing Operations",
                        "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]}", "invalidSyntax"),
                Arguments.of("empty Operations",
                        "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"], \"Operations\": []}",
                        "invalidSyntax"),
                Arguments.of("Operations not an array",
                        "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                                + " \"Operations\": {\"op\": \"add\", \"value\": {\"title\": \"x\"}}}",
                        "invalidSyntax"),
                Arguments.of("operation not an object",
                        "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                                + " \"Operations\": [\"add\"]}", "invalidSyntax"),
                Arguments.of("wrong schemas",
                        "{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                                + " \"Operations\": [{\"op\": \"replace\", \"value\": {\"active\": false}}]}",
                        "invalidSyntax"),
                Arguments.of("schemas missing",
                        "{\"Operations\": [{\"op\": \"replace\", \"value\": {\"active\": false}}]}",
                        "invalidSyntax"),
                Arguments.of("schemas is a string",
                        "{\"schemas\": \"urn:ietf:params:scim:api:messages:2.0:PatchOp\","
                                + " \"Operations\": [{\"op\": \"replace\", \"value\": {\"active\": false}}]}",
                        "invalidSyntax"),
                Arguments.of("unknown op",
                        "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                                + " \"Operations\": [{\"op\": \"merge\", \"path\": \"title\", \"value\": \"x\"}]}",
                        "invalidSyntax"),
                Arguments.of("op missing",
                        "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                                + " \"Operations\": [{\"path\": \"title\", \"value\": \"x\"}]}", "invalidSyntax"),
                Arguments.of("op not a string",
                        "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                                + " \"Operations\": [{\"op\": 1, \"path\": \"title\", \"value\": \"x\"}]}",
                        "invalidSyntax"),
                Arguments.of("replace without value",
                        "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                                + " \"Operations\": [{\"op\": \"replace\", \"path\": \"title\"}]}", "invalidSyntax"),
                Arguments.of("path-less value not an object",
                        "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                                + " \"Operations\": [{\"op\": \"add\", \"value\": \"x\"}]}", "invalidSyntax"),
                Arguments.of("malformed path",
                        "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                                + " \"Operations\": [{\"op\": \"add\", \"path\": \"emails[type eq \\\"work\\\"\","
                                + " \"value\": \"x\"}]}", "invalidPath"),
                Arguments.of("remove without path",
                        "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                                + " \"Operations\": [{\"op\": \"remove\"}]}", "noTarget"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void rejectsMalformedRequest(String description, String body, String scimType) {
        assertThatThrownBy(() -> PatchRequest.fromJson(json(body)))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType().keyword()).as(e.detail()).isEqualTo(scimType);
                });
    }

    @Test
    void readsOperationsWhateverTheCaseOfItsMembers() {
        PatchRequest request = PatchRequest.fromJson(json("""
                {"SCHEMAS": ["URN:IETF:PARAMS:SCIM:API:MESSAGES:2.0:PATCHOP"],
                 "operations": [{"OP": "Replace", "PATH": "active", "VALUE": "False"},
                                {"op": "REMOVE", "path": "title"}]}
                """));

        assertThat(request.operations()).hasSize(2);
        assertThat(request.operations().get(0).value()).isEqualTo(Json.createValue("False"));
        assertThat(request.operations().get(1).index()).isEqualTo(1);
    }

    static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
