package io.roster.schema.entity;

/** RFC 7643 §7 "uniqueness". */
public enum Uniqueness {
    NONE("none"), SERVER("server"), GLOBAL("global");

    private final String scimName;

    Uniqueness(String scimName) {
        this.scimName = scimName;
    }

    public String scimName() {
        return scimName;
    }
}
