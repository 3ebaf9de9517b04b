package io.roster.security.boundary;

import io.roster.protocol.control.JsonP;
import io.roster.security.control.ConsoleSessions;
import io.roster.security.control.FailedLogins;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /api/admin/session}, the admin console's sign-in: {@code POST {"name", "password"}} checks the
 * credentials with the same identity stores as HTTP Basic and starts a session (see {@link ConsoleSessions});
 * {@code GET} names the signed-in administrator or answers 401; {@code DELETE} signs out. POST and DELETE need the
 * console's header. Failed sign-ins are counted and logged like every failed authentication. A servlet, not a
 * JAX-RS resource, so that it is reachable without authentication and is never part of the SCIM API.
 */
@WebServlet("/api/admin/session")
public class ConsoleSessionServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger("io.roster.admin");
    private static final int MAX_BODY_CHARS = 8192;

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    ConsoleSessions sessions;

    @Inject
    FailedLogins failedLogins;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        switch (request.getMethod()) {
            case "GET" -> current(request, response);
            case "POST" -> signIn(request, response);
            case "DELETE" -> signOut(request, response);
            default -> Replies.admin(response, 405, "Method " + request.getMethod() + " is not allowed on "
                    + "/api/admin/session", Map.of("Allow", "GET, POST, DELETE"));
        }
    }

    private void current(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var administrator = sessions.current(request);
        if (administrator.isEmpty()) {
            Replies.admin(response, 401, "Not signed in", Map.of("WWW-Authenticate", Replies.CONSOLE_CHALLENGE));
            return;
        }
        send(response, 200, signedIn(administrator.get()));
    }

    private void signIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!ConsoleSessions.fromConsole(request)) {
            forgeryRefused(response);
            return;
        }
        JsonObject body = body(request);
        String name = text(body, "name");
        String password = text(body, "password");
        if (name == null || name.isBlank() || password == null || password.isEmpty()) {
            Replies.admin(response, 400, "Send {\"name\": …, \"password\": …} as JSON", Map.of());
            return;
        }
        CredentialValidationResult result;
        try {
            result = identityStores.validate(new UsernamePasswordCredential(name, password));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot check an administrator: the database does not answer ({0})", e.toString());
            Replies.admin(response, 503, "Roster cannot reach its database right now; try again in a few seconds",
                    Map.of("Retry-After", "5"));
            return;
        }
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            failedLogins.record(request.getRemoteAddr(), "admin", request.getRequestURI(),
                    "console sign-in: wrong name or password");
            Replies.admin(response, 401, "The administrator name or password is wrong",
                    Map.of("WWW-Authenticate", Replies.CONSOLE_CHALLENGE));
            return;
        }
        ConsoleSessions.Administrator administrator = sessions.signIn(request, result);
        sameSiteStrict(response);
        LOG.info("event=console-signed-in by=" + administrator.name() + " source=" + request.getRemoteAddr());
        send(response, 200, signedIn(administrator));
    }

    private void signOut(HttpServletRequest request, HttpServletResponse response) {
        if (!ConsoleSessions.fromConsole(request)) {
            forgeryRefused(response);
            return;
        }
        sessions.current(request).ifPresent(a -> LOG.info("event=console-signed-out by=" + a.name()));
        sessions.signOut(request);
        response.setStatus(204);
    }

    /**
     * Payara 6 leaves out the SameSite attribute that {@link ConsoleSessionCookie} sets on the session cookie
     * (Servlet 6 {@code SessionCookieConfig.setAttribute}), so it is added to the cookie the container just wrote.
     */
    static void sameSiteStrict(HttpServletResponse response) {
        List<String> cookies = new ArrayList<>(response.getHeaders("Set-Cookie"));
        for (int i = 0; i < cookies.size(); i++) {
            String cookie = cookies.get(i);
            String value = cookie.toLowerCase(Locale.ROOT).contains("samesite=") ? cookie : cookie + "; SameSite=Strict";
            if (i == 0) {
                response.setHeader("Set-Cookie", value);
            } else {
                response.addHeader("Set-Cookie", value);
            }
        }
    }

    private JsonObject signedIn(ConsoleSessions.Administrator administrator) {
        return JsonP.createObjectBuilder()
                .add("name", administrator.name())
                .add("signedInAt", administrator.signedInAt().toString())
                .add("idleTimeoutMinutes", sessions.idleMinutes())
                .build();
    }

    private static void forgeryRefused(HttpServletResponse response) {
        Replies.admin(response, 403, "The console's requests carry the header " + ConsoleSessions.HEADER
                + ": 1; scripts use HTTP Basic instead of a session", Map.of());
    }

    private static JsonObject body(HttpServletRequest request) throws IOException {
        char[] buffer = new char[MAX_BODY_CHARS + 1];
        int length = 0;
        try (Reader reader = new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8)) {
            for (int n; length < buffer.length && (n = reader.read(buffer, length, buffer.length - length)) > 0; ) {
                length += n;
            }
        }
        if (length == 0 || length > MAX_BODY_CHARS) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = JsonP.createReader(new StringReader(new String(buffer, 0, length)))) {
            JsonStructure json = reader.read();
            return json instanceof JsonObject object ? object : JsonObject.EMPTY_JSON_OBJECT;
        } catch (JsonException e) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
    }

    private static String text(JsonObject body, String name) {
        return body.get(name) instanceof JsonString value ? value.getString() : null;
    }

    private static void send(HttpServletResponse response, int status, JsonObject json) throws IOException {
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json; charset=utf-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
