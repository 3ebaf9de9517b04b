package io.roster.protocol.boundary;

import io.roster.protocol.entity.ScimError;
import io.roster.protocol.entity.ScimMediaType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page for everything the container answers by itself (unknown paths outside the SCIM API, oversized
 * requests, failures before JAX-RS is reached): a SCIM error body instead of Payara's HTML page.
 */
@WebServlet("/error")
public class ContainerErrorServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 404;
        if (status < 400) {
            status = 404;
        }
        String path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        String detail = switch (status) {
            case 404 -> "No resource at " + path + "; the SCIM API is at /scim/v2";
            case 405 -> "Method " + request.getMethod() + " is not allowed on " + path;
            case 413 -> "The request is too large";
            case 500 -> "Roster could not complete the request; the server log has the details";
            default -> "The request failed with HTTP status " + status;
        };
        byte[] body = ScimError.body(status, null, detail).toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(ScimMediaType.SCIM_JSON_UTF8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
