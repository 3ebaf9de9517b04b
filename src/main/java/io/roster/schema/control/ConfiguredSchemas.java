package io.roster.schema.control;

import io.roster.protocol.control.JsonP;
import io.roster.realms.RealmPaths;
import io.roster.realms.RealmStore;
import io.roster.realms.Realms;
import io.roster.schema.entity.CustomSchema;
import io.roster.schema.entity.InvalidSchemaDefinition;
import io.roster.schema.entity.Schema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Custom schemas from configuration, applied at start-up: every {@code *.json} file in the directory
 * {@code roster.schemas.directory} holds one definition, or an array of them, each
 * {@code {"realm": "acme", "resourceType": "User", "schema": <RFC 7643 §7 Schema resource>}} ({@code realm}
 * defaults to "default" and is created if missing). They are stored as the admin API's PUT would store them, so the
 * files and the admin API describe the same thing. A file Roster cannot use stops the start (readiness stays DOWN
 * with the reason): starting without a schema an identity provider relies on would drop its values silently.
 */
@ApplicationScoped
public class ConfiguredSchemas {

    private static final Logger LOG = Logger.getLogger(ConfiguredSchemas.class.getName());

    @Inject
    @ConfigProperty(name = "roster.schemas.directory")
    Optional<String> directory;

    @Inject
    CustomSchemaStore store;

    @Inject
    RealmStore realms;

    @Inject
    SchemaRegistry registry;

    /** @throws IllegalStateException naming the file and the problem */
    public void apply() {
        Optional<Path> dir = directory.filter(d -> !d.isBlank()).map(Path::of);
        if (dir.isEmpty()) {
            return;
        }
        if (!Files.isDirectory(dir.get())) {
            throw new IllegalStateException("roster.schemas.directory " + dir.get() + " is not a directory");
        }
        int applied = 0;
        for (Path file : files(dir.get())) {
            for (JsonObject entry : entries(file)) {
                apply(file, entry);
                applied++;
            }
        }
        LOG.info("Applied " + applied + " custom schema(s) from " + dir.get());
    }

    private void apply(Path file, JsonObject entry) {
        String realm = entry.get("realm") instanceof JsonString text ? text.getString() : Realms.DEFAULT;
        try {
            if (!RealmPaths.NAME.matcher(realm).matches()) {
                throw new InvalidSchemaDefinition("\"realm\" " + realm + " is not a realm name");
            }
            String resourceType = SchemaDefinitions.resourceType(entry.get("resourceType"));
            if (!(entry.get("schema") instanceof JsonObject definition)) {
                throw new InvalidSchemaDefinition("\"schema\" must be the RFC 7643 §7 Schema resource");
            }
            if (!(definition.get("id") instanceof JsonString id)) {
                throw new InvalidSchemaDefinition("the schema needs \"id\": its URN");
            }
            String urn = id.getString();
            Schema schema = SchemaDefinitions.parse(urn, definition);
            if (realms.create(realm) == RealmStore.Creation.BEING_DELETED) {
                throw new InvalidSchemaDefinition("the realm " + realm + " is being deleted");
            }
            // a stored version Roster cannot use any more is replaced without comparing
            Optional<CustomSchema> previous = store.all(realm).stream()
                    .filter(s -> s.urn().equalsIgnoreCase(schema.id())).findFirst().map(StoredSchema::usable);
            previous.flatMap(p -> SchemaDefinitions.incompatibility(p, resourceType, schema)).ifPresent(problem -> {
                throw new InvalidSchemaDefinition(problem);
            });
            store.put(realm, new CustomSchema(resourceType, schema, SchemaDefinitions.canonical(schema),
                    Instant.now()));
            registry.forget(realm);
        } catch (InvalidSchemaDefinition e) {
            throw new IllegalStateException("Custom schema file " + file + ": " + e.getMessage());
        }
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read roster.schemas.directory " + dir + ": " + e.getMessage());
        }
    }

    private static List<JsonObject> entries(Path file) {
        try (Reader text = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                JsonReader reader = JsonP.createReader(text)) {
            JsonStructure json = reader.read();
            List<JsonObject> entries = new ArrayList<>();
            if (json instanceof JsonObject object) {
                entries.add(object);
            } else {
                for (JsonValue value : json.asJsonArray()) {
                    if (!(value instanceof JsonObject object)) {
                        throw new IllegalStateException("Custom schema file " + file + ": every entry must be an "
                                + "object with realm, resourceType and schema");
                    }
                    entries.add(object);
                }
            }
            return entries;
        } catch (IOException | JsonException e) {
            throw new IllegalStateException("Custom schema file " + file + " is not readable JSON: "
                    + e.getMessage());
        }
    }
}
