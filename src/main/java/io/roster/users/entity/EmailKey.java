package io.roster.users.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** A user's email value and type, lower-cased, for {@code emails[type eq "work"].value eq "…"} lookups. */
@Embeddable
public class EmailKey {

    @Column(name = "value_key")
    private String value;

    @Column(name = "type_key")
    private String type;

    protected EmailKey() {
    }

    public EmailKey(String value, String type) {
        this.value = value;
        this.type = type;
    }

    public String value() {
        return value;
    }

    public String type() {
        return type;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmailKey e && Objects.equals(value, e.value) && Objects.equals(type, e.type);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, type);
    }
}
