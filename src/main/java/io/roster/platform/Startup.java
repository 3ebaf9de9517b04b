package io.roster.platform;

import io.roster.realms.Realms;
import io.roster.schema.control.ConfiguredSchemas;
import io.roster.security.control.AdminUsers;
import io.roster.security.control.ServiceAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Start-up: migrate the database, make sure the bootstrap service account exists when a token is configured and
 * the administrator {@code admin} has the configured password, apply the custom schemas of
 * {@code roster.schemas.directory}, then say where SCIM is served. Roster reports ready
 * only after all of this succeeded.
 */
@ApplicationScoped
public class Startup {

    private static final Logger LOG = Logger.getLogger("io.roster");

    @Inject
    Migrations migrations;

    @Inject
    ServiceAccounts serviceAccounts;

    @Inject
    AdminUsers adminUsers;

    @Inject
    @ConfigProperty(name = "roster.bootstrap.token")
    Optional<String> bootstrapToken;

    @Inject
    @ConfigProperty(name = "roster.admin.password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "roster.public-url")
    Optional<String> publicUrl;

    @Inject
    ConfiguredSchemas configuredSchemas;

    @Inject
    DataSources dataSources;

    @Inject
    PersistenceUnitDatabase persistenceUnit;

    private volatile boolean ready;
    private volatile String failure = "starting";

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        try {
            Migrations.Database database = migrations.migrate();
            checkPersistenceUnit(database);
            bootstrapToken.filter(t -> !t.isBlank()).ifPresentOrElse(
                    token -> serviceAccounts.ensureBootstrap(Realms.DEFAULT, token.trim()),
                    this::adviseWithoutToken);
            adminPassword.filter(p -> !p.isBlank()).ifPresent(this::ensureAdmin);
            configuredSchemas.apply();
            ready = true;
            failure = null;
            LOG.info("Roster started: SCIM base URL " + scimBaseUrl() + ", database " + database.kind().label()
                    + " (" + database.url() + ", data source " + dataSources.name() + ")");
        } catch (RuntimeException e) {
            failure = "start-up failed: " + e.getMessage();
            LOG.log(Level.SEVERE, "Roster could not start: " + e.getMessage(), e);
        }
    }

    /** JPA and Flyway must use the same database, and EclipseLink must speak its dialect. */
    private void checkPersistenceUnit(Migrations.Database database) {
        persistenceUnit.url().filter(url -> !url.equals(database.url())).ifPresent(url -> {
            throw new IllegalStateException("JPA uses the database " + url + " but the data source "
                    + dataSources.name() + " is " + database.url() + ": restart or redeploy Roster");
        });
        DatabaseKind platform = DatabasePlatformCustomizer.chosen();
        if (platform != DatabaseKind.UNKNOWN && platform != database.kind()) {
            throw new IllegalStateException("JPA was set up for " + platform.label() + " but the database is "
                    + database.kind().label() + ": restart or redeploy Roster");
        }
    }

    private void adviseWithoutToken() {
        if (serviceAccounts.count() == 0) {
            LOG.warning("No service account exists and ROSTER_BOOTSTRAP_TOKEN is not set: SCIM clients cannot "
                    + "authenticate. Set ROSTER_BOOTSTRAP_TOKEN to a long random secret (for example the output "
                    + "of 'openssl rand -hex 32') and restart; then use it as 'Authorization: Bearer <token>'.");
        }
    }

    private void ensureAdmin(String password) {
        AdminUsers.Outcome outcome = adminUsers.ensure(AdminUsers.ADMIN, password);
        if (outcome != AdminUsers.Outcome.UNCHANGED) {
            LOG.info("Administrator '" + AdminUsers.ADMIN + "' " + (outcome == AdminUsers.Outcome.CREATED
                    ? "created" : "given a new password") + " from ROSTER_ADMIN_PASSWORD");
        }
    }

    private String scimBaseUrl() {
        return publicUrl.map(u -> u.replaceAll("/+$", "") + "/scim/v2")
                .orElseGet(() -> "http://" + HttpListener.host() + ":" + HttpListener.port() + "/scim/v2");
    }

    public boolean ready() {
        return ready;
    }

    public String failure() {
        return failure;
    }
}
