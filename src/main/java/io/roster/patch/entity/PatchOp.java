package io.roster.patch.entity;

import io.roster.protocol.entity.ScimException;
import java.util.Locale;

/** RFC 7644 §3.5.2 operation names; clients send them in any case ("Replace" from Microsoft Entra). */
public enum PatchOp {
    ADD, REMOVE, REPLACE;

    public static PatchOp of(String name, int index) {
        if (name != null) {
            switch (name.toLowerCase(Locale.ROOT)) {
                case "add" -> {
                    return ADD;
                }
                case "remove" -> {
                    return REMOVE;
                }
                case "replace" -> {
                    return REPLACE;
                }
                default -> {
                }
            }
        }
        throw ScimException.invalidSyntax("Operations[" + index + "].op must be \"add\", \"remove\" or "
                + "\"replace\", not " + (name == null ? "missing" : "\"" + name + "\""));
    }
}
