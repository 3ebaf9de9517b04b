package io.roster.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Roster's own data source. Its settings come from MicroProfile Config (environment variables
 * {@code ROSTER_DB_URL}, {@code ROSTER_DB_USER}, {@code ROSTER_DB_PASSWORD}); the defaults, an H2 file database
 * under {@code ./data/}, are in {@code META-INF/microprofile-config.properties}. They are repeated here because
 * Payara also reads these values once during the deployment, before the WAR's own configuration is visible, and
 * without a default it logs a warning that no value was found.
 */
@ApplicationScoped
@DataSourceDefinition(
        name = RosterDataSource.JNDI_NAME,
        className = "io.roster.platform.UrlDataSource",
        url = "${MPCONFIG=roster.db.url:" + RosterDataSource.DEFAULT_URL + "}",
        user = "${MPCONFIG=roster.db.user:roster}",
        password = "${MPCONFIG=roster.db.password:roster}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
            "fish.payara.fail-all-connections=true",
            // a connection validated within the last second is handed out without validating it again: a round trip
            // less per request under load (BENCHMARKS.md, "A round trip less per request"); after an outage the
            // first validation fails and fail-all-connections replaces the whole pool
            "fish.payara.validate-atmost-once-period-in-seconds=1",
            // with every connection busy, a request waits at most this long for one, then gets 503 (not 60 s)
            "fish.payara.max-wait-time-in-millis=10000",
            // every connection has the same credentials, so any free one will do: without this Payara compares
            // each candidate's factory settings (a map copied per call) on every request, as for a pool whose
            // connections differ (@DataSourceDefinition's default; a pool made with asadmin has it off)
            "fish.payara.match-connections=false"
        })
public class RosterDataSource {
    public static final String JNDI_NAME = "java:app/jdbc/roster";
    static final String DEFAULT_URL = "jdbc:h2:file:./data/roster;DB_CLOSE_ON_EXIT=FALSE";
}
