package io.roster.filter.entity;

/**
 * A parsed SCIM filter (RFC 7644 §3.4.2.2). Every implementation prints canonical filter syntax from
 * {@code toString()} that parses back to an equal tree.
 */
public sealed interface Filter permits And, Or, Not, Present, Compare, ValuePath {
}
