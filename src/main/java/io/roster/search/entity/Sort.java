package io.roster.search.entity;

import io.roster.filter.entity.AttributePath;

/** {@code sortBy} and {@code sortOrder} (RFC 7644 §3.4.2.3); ascending unless asked otherwise. */
public record Sort(AttributePath by, boolean descending) {
}
