package io.roster.schema.entity;

/** A custom schema definition that Roster cannot accept; the message says what to change. */
public class InvalidSchemaDefinition extends RuntimeException {

    public InvalidSchemaDefinition(String message) {
        super(message, null, false, false);
    }
}
