package io.roster.search.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One searchable value of a resource: the attribute {@link #path} (lower case, URN-qualified for extensions, e.g.
 * {@code name.familyname}, {@code emails.value},
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:department}), the {@link #element} of a
 * multi-valued attribute it belongs to (0 otherwise) and the value in the column of its type. A row without value
 * marks that a complex value (or one element of a multi-valued complex attribute) exists: value filters
 * ({@code emails[type eq "work" and value co "@x"]}) start from it, so that all their conditions hold for the
 * same element.
 */
@Embeddable
public class IndexedValue {

    /** Strings are indexed on this many leading characters (lower case); longer ones are compared in full too. */
    public static final int PREFIX = 200;

    @Column(name = "path", nullable = false)
    private String path;

    @Column(name = "element", nullable = false)
    private int element;

    @Column(name = "text_value")
    private String text;

    @Column(name = "text_key")
    private String textKey;

    @Column(name = "text_prefix")
    private String textPrefix;

    @Column(name = "number_value")
    private BigDecimal number;

    @Column(name = "time_value")
    private Instant time;

    @Column(name = "bool_value")
    private Boolean bool;

    protected IndexedValue() {
    }

    private IndexedValue(String path, int element) {
        this.path = path;
        this.element = element;
    }

    public static IndexedValue marker(String path, int element) {
        return new IndexedValue(path, element);
    }

    public static IndexedValue text(String path, int element, String value) {
        IndexedValue indexed = new IndexedValue(path, element);
        indexed.text = value;
        indexed.textKey = key(value);
        indexed.textPrefix = prefix(indexed.textKey);
        return indexed;
    }

    public static IndexedValue number(String path, int element, BigDecimal value) {
        IndexedValue indexed = new IndexedValue(path, element);
        indexed.number = value;
        return indexed;
    }

    public static IndexedValue time(String path, int element, Instant value) {
        IndexedValue indexed = new IndexedValue(path, element);
        indexed.time = value;
        return indexed;
    }

    public static IndexedValue bool(String path, int element, boolean value) {
        IndexedValue indexed = new IndexedValue(path, element);
        indexed.bool = value;
        return indexed;
    }

    public static String key(String value) {
        return value.toLowerCase(java.util.Locale.ROOT);
    }

    public static String prefix(String key) {
        return key.length() <= PREFIX ? key : key.substring(0, PREFIX);
    }

    public String path() {
        return path;
    }

    public int element() {
        return element;
    }

    public String text() {
        return text;
    }

    /** The text lower-cased (what case-insensitive comparisons use), or null. */
    public String textKey() {
        return textKey;
    }

    /** The first {@value #PREFIX} characters of {@link #textKey} (what the index holds), or null. */
    public String textPrefix() {
        return textPrefix;
    }

    public BigDecimal number() {
        return number;
    }

    public Instant time() {
        return time;
    }

    public Boolean bool() {
        return bool;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IndexedValue v && element == v.element && path.equals(v.path)
                && Objects.equals(text, v.text) && Objects.equals(number, v.number) && Objects.equals(time, v.time)
                && Objects.equals(bool, v.bool);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, element, text, number, time, bool);
    }

    @Override
    public String toString() {
        Object value = text != null ? text : number != null ? number : time != null ? time : bool;
        return path + "[" + element + "]=" + value;
    }
}
