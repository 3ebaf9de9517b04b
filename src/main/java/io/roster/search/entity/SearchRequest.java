package io.roster.search.entity;

import io.roster.filter.entity.Filter;
import io.roster.protocol.entity.Page;

/**
 * A list request, from query parameters (RFC 7644 §3.4.2) or a {@code SearchRequest} body (§3.4.3).
 * {@code filter} and {@code sort} may be null; {@code attributes} and {@code excludedAttributes} are the
 * comma-separated lists as given (null when absent).
 */
public record SearchRequest(Filter filter, Sort sort, Page page, String attributes, String excludedAttributes) {

    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
}
