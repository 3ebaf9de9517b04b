package io.roster.security.entity;

/** Servlet request attributes that authentication leaves for later stages (the provisioning log). */
public final class RequestAttributes {

    /** {@link System#nanoTime()} when authentication saw the request: the start of its duration. */
    public static final String STARTED_NANOS = "io.roster.started-nanos";
    /** The {@link ServiceAccountPrincipal} of an authenticated SCIM request. */
    public static final String SERVICE_ACCOUNT = "io.roster.service-account";

    private RequestAttributes() {
    }
}
