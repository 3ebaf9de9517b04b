package io.roster.security.boundary;

import io.roster.protocol.control.JsonP;

import io.roster.protocol.entity.ScimError;
import io.roster.protocol.entity.ScimMediaType;
import jakarta.json.JsonObject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The answers authentication writes itself (the container's {@code sendError} would make them HTML pages): SCIM
 * error bodies under {@code /scim/v2}, plain JSON errors under {@code /api/admin}.
 */
final class Replies {

    static final String SCIM_CHALLENGE = "Bearer realm=\"roster\"";
    static final String ADMIN_CHALLENGE = "Basic realm=\"roster-admin\"";
    /** For the console's own requests: a scheme browsers do not answer with their password dialog. */
    static final String CONSOLE_CHALLENGE = "Session realm=\"roster-admin\"";

    private Replies() {
    }

    static AuthenticationStatus scim(HttpServletResponse response, int status, String detail,
            Map<String, String> headers) {
        return send(response, status, ScimError.body(status, null, detail), ScimMediaType.SCIM_JSON_UTF8, headers);
    }

    static AuthenticationStatus admin(HttpServletResponse response, int status, String message,
            Map<String, String> headers) {
        JsonObject body = JsonP.createObjectBuilder().add("error", message).add("status", status).build();
        return send(response, status, body, "application/json; charset=utf-8", headers);
    }

    private static AuthenticationStatus send(HttpServletResponse response, int status, JsonObject json,
            String contentType, Map<String, String> headers) {
        try {
            byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
            response.setStatus(status);
            headers.forEach(response::setHeader);
            response.setContentType(contentType);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.flushBuffer();
        } catch (IOException e) {
            // the client went away; nothing to answer
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
