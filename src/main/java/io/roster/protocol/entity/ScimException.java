package io.roster.protocol.entity;

/**
 * A failure that the client sees as an RFC 7644 §3.12 error response. Thrown anywhere below the boundary; one
 * exception mapper renders it. The detail is shown to the client (Okta shows it to admins), so it must be
 * actionable and must never contain a secret.
 */
public class ScimException extends RuntimeException {

    private final int status;
    private final ScimType scimType;

    public ScimException(int status, ScimType scimType, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.scimType = scimType;
    }

    public int status() {
        return status;
    }

    /** May be null: not every error has a scimType. */
    public ScimType scimType() {
        return scimType;
    }

    public String detail() {
        return getMessage();
    }

    public static ScimException badRequest(ScimType type, String detail) {
        return new ScimException(400, type, detail);
    }

    public static ScimException invalidFilter(String detail) {
        return badRequest(ScimType.INVALID_FILTER, detail);
    }

    public static ScimException invalidSyntax(String detail) {
        return badRequest(ScimType.INVALID_SYNTAX, detail);
    }

    public static ScimException invalidValue(String detail) {
        return badRequest(ScimType.INVALID_VALUE, detail);
    }

    public static ScimException invalidPath(String detail) {
        return badRequest(ScimType.INVALID_PATH, detail);
    }

    public static ScimException noTarget(String detail) {
        return badRequest(ScimType.NO_TARGET, detail);
    }

    public static ScimException mutability(String detail) {
        return badRequest(ScimType.MUTABILITY, detail);
    }

    public static ScimException uniqueness(String detail) {
        return new ScimException(409, ScimType.UNIQUENESS, detail);
    }

    public static ScimException notFound(String detail) {
        return new ScimException(404, null, detail);
    }

    /** RFC 7644 §3.14: If-Match names a version that is no longer the resource's. */
    public static ScimException preconditionFailed(String detail) {
        return new ScimException(412, null, detail);
    }

    public static ScimException payloadTooLarge(String detail) {
        return new ScimException(413, null, detail);
    }

    /** Roster's own configuration keeps it from answering (not the client's fault, and not transient). */
    public static ScimException misconfigured(String detail) {
        return new ScimException(500, null, detail);
    }
}
