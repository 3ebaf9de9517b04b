package io.roster.patch.entity;

import io.roster.filter.control.FilterParser;
import io.roster.filter.entity.PatchPath;
import io.roster.protocol.entity.ScimException;
import jakarta.json.JsonValue;

/**
 * One operation of a PatchOp request. {@code path} is null for path-less add/replace, whose value is an object of
 * attributes. {@code index} is the operation's position in the request, used in error details.
 */
public record PatchOperation(PatchOp op, PatchPath path, String pathText, JsonValue value, int index) {

    public PatchOperation {
        if (op == PatchOp.REMOVE && path == null) {
            throw ScimException.noTarget("Operations[" + index + "]: \"remove\" needs a \"path\" (RFC 7644 §3.5.2.2)");
        }
        if (op != PatchOp.REMOVE && value == null) {
            throw ScimException.invalidSyntax("Operations[" + index + "]: \"" + op.name().toLowerCase()
                    + "\" needs a \"value\"");
        }
        if (path == null && value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ScimException.invalidSyntax("Operations[" + index + "]: without a \"path\" the \"value\" "
                    + "must be an object of attributes (RFC 7644 §3.5.2.1)");
        }
    }

    public static PatchOperation of(PatchOp op, String pathText, JsonValue value, int index) {
        PatchPath path = pathText == null || pathText.isBlank() ? null : parse(pathText, index);
        return new PatchOperation(op, path, pathText, value, index);
    }

    private static PatchPath parse(String pathText, int index) {
        try {
            return FilterParser.parsePatchPath(pathText);
        } catch (ScimException e) {
            throw ScimException.invalidPath("Operations[" + index + "].path: " + e.detail());
        }
    }
}
