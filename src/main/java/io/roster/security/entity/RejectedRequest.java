package io.roster.security.entity;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A SCIM request that authentication answered by itself (401, 429, 503), fired synchronously so that the
 * provisioning log records it like any other request. {@code accountName} is null when the caller is unknown.
 */
public record RejectedRequest(HttpServletRequest request, int status, String realm, String accountName) {
}
