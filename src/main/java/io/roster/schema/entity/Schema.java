package io.roster.schema.entity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A SCIM schema (RFC 7643 §7): its URN id, a name and its attributes. */
public record Schema(String id, String name, String description, List<Attribute> attributes) {

    public Optional<Attribute> attribute(String attributeName) {
        String wanted = attributeName.toLowerCase(Locale.ROOT);
        return attributes.stream().filter(a -> a.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}
