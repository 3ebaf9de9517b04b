/**
 * Searching in SQL. Every write turns the resource's document into searchable value rows
 * ({@link io.roster.search.control.AttributeIndexer}): one row per value, keyed by the lower-case attribute path
 * and the element of a multi-valued attribute, with typed columns (text as stored, lower-cased, and an indexed
 * 200-character lower-case prefix; number; time; boolean) and a marker row per complex value, written as one JDBC
 * batch after the resource's own row ({@link io.roster.search.control.ValueRows}). Filters
 * ({@link io.roster.filter.control.CriteriaTranslator}) become correlated EXISTS over these rows, so any attribute
 * of any schema — core, enterprise or a custom extension — is filtered and sorted by the database, never in
 * memory; a value filter anchors on the marker row so all its conditions hold for one element. The lookups Okta
 * and Entra make (userName, externalId, id, group displayName) have columns and indexes of their own.
 * {@link io.roster.search.control.ResourceSearch} runs a list request as one count and one page query.
 */
package io.roster.search.control;
