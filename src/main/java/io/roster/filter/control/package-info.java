/**
 * The SCIM filter language: {@link io.roster.filter.control.FilterParser} reads filters (RFC 7644 §3.4.2.2) and
 * PATCH paths (§3.5.2) into the immutable tree of {@code io.roster.filter.entity};
 * {@link io.roster.filter.control.FilterMatcher} evaluates such a tree against a resource held as JSON.
 *
 * <p><b>Parsing.</b> Operators, {@code and}/{@code or}/{@code not}, {@code pr} and the literals {@code true},
 * {@code false}, {@code null} are case-insensitive; attribute names keep the client's case and are compared
 * case-insensitively later (§3.4.2.2, §3.10). Values are JSON literals (RFC 8259); the only unquoted value accepted
 * is a legacy id of letters, digits and '-' containing a digit, after {@code eq} (old Entra samples send
 * {@code id eq 6a0b-…}), read as a string. Microsoft Entra's {@code emails[type eq "work"].value eq "x"} is
 * normalised to {@code emails[type eq "work" and value eq "x"]}. {@code co}/{@code sw}/{@code ew} need a string
 * and {@code gt}/{@code ge}/{@code lt}/{@code le} a string or number, as §3.4.2.2 rejects ordering booleans. Only
 * the space character separates tokens; control characters are accepted inside string literals only. Inputs longer
 * than 8192 characters, nesting (parentheses, {@code not}, brackets) deeper than 50 and nested value filters are
 * rejected, so hostile input fails fast and never exhausts the stack. Every error is a
 * {@code ScimException}: invalidFilter from {@code parse}, invalidPath from {@code parsePath} and
 * {@code parsePatchPath}, with a detail naming what was expected and the 0-based position.
 *
 * <p><b>Matching.</b> RFC 7643 §2.5 makes absent, null and empty-array values equivalent, so the matcher is
 * null-aware: {@code ne} is exactly the negation of {@code eq} (an absent attribute is "not equal", and for a
 * multi-valued attribute {@code ne} means "no value equals"), {@code not} is plain negation, {@code eq null}
 * matches an absent value, and {@code pr} needs a value that is not null, "", [] or {}. Strings compare
 * case-insensitively ({@link java.util.Locale#ROOT} lower-casing) unless the caseExact predicate says otherwise
 * (RFC 7643 §2.2); two strings that both parse as dateTimes with offset compare as instants; numbers compare as
 * {@link java.math.BigDecimal}; booleans support {@code eq}/{@code ne} only and also equal the strings "True" and
 * "False" in any case (Entra sends {@code roles[primary eq "True"]}). Any value of a multi-valued attribute may
 * match, a complex value compared without sub-attribute stands for its {@code value} sub-attribute, and a value
 * path needs one element to satisfy its whole inner filter. Extension attributes must be URN-qualified (§3.10);
 * the core User and Group schema URNs mean the top level.
 */
package io.roster.filter.control;
