package io.roster.patch.control;

import io.roster.filter.entity.Filter;
import io.roster.schema.entity.Attribute;

/**
 * Where a PATCH operation lands: an attribute (inside the extension object {@code extensionUrn}, or at the top
 * level when that is null), optionally narrowed to the elements matching {@code filter} and to one
 * {@code sub}-attribute. {@code attribute} is null when the path names a whole extension object.
 */
record Target(String extensionUrn, Attribute attribute, Filter filter, Attribute sub) {

    String describe() {
        String name = attribute == null ? extensionUrn : attribute.name();
        return sub == null ? name : name + "." + sub.name();
    }
}
