package io.roster.schema.entity;

import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * An extension schema an administrator defined for a realm's users or groups: the parsed {@link Schema}, the
 * resource type it extends ("User" or "Group") and the definition as it was accepted (RFC 7643 §7 Schema resource).
 */
public record CustomSchema(String resourceType, Schema schema, JsonObject definition, Instant updatedAt) {

    public String urn() {
        return schema.id();
    }
}
