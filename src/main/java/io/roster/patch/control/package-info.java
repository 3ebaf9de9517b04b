/**
 * The PATCH engine (RFC 7644 §3.5.2): {@link io.roster.patch.control.PatchEngine} applies a request's operations
 * in order to the resource's canonical JSON document; the result goes through the same validator and store path as
 * a PUT body.
 *
 * <p><b>Atomic by construction.</b> Documents are immutable JSON-P values: each operation yields a new document,
 * nothing is written until every operation has succeeded and the result has been validated, and the boundary runs
 * it all in one transaction on a locked row. A failing operation leaves the resource as it was; its error detail
 * starts with {@code Operations[i]}.
 *
 * <p><b>Schema rules, checked per operation.</b> readOnly attributes are 400 {@code mutability}, unless the value
 * given equals the current one (Okta sends a group's own {@code id} with every rename). Immutable attributes and
 * sub-attributes (a member's {@code value}) may be set while they have no value and never changed or removed after
 * that: 400 {@code mutability}; whole values of a multi-valued attribute stay free to add and remove. A required
 * attribute cannot lose its value: 400 {@code invalidValue} — RFC 7644 names no scimType for it, and Table 9
 * defines invalidValue as "A required value was missing", which is also what POST and PUT answer.
 *
 * <p><b>Dialects.</b> Op names in any case; {@code "True"}/{@code "False"} for booleans (coerced by the validator;
 * the engine already reads them for {@code primary}); path-less values keyed by dotted or URN-qualified paths;
 * value-form removal ({@code "path": "members", "value": [{"value": id}]}); Entra's manager forms; roles
 * JSON-encoded inside {@code value} ({@link io.roster.patch.control.EncodedRoles}). {@code add} and
 * {@code replace} of a sub-attribute through an {@code eq} filter that matches nothing create the element the
 * filter describes (Entra's {@code emails[type eq "work"].value}); anything else that matches nothing is 400
 * {@code noTarget}, except {@code remove}, for which no match is no change.
 */
package io.roster.patch.control;
