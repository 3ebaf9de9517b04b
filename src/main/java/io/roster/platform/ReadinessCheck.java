package io.roster.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means: start-up finished (schema migrated) and the database answers now. The data says which data source
 * and which database Roster uses, so ops see at a glance that their JDBC resource is the one in use.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Inject
    Startup startup;

    @Inject
    Migrations migrations;

    @Inject
    DataSources dataSources;

    @Override
    public HealthCheckResponse call() {
        Migrations.Database database = migrations.database();
        var response = HealthCheckResponse.named("database")
                .withData("database", database.kind().label())
                .withData("dataSource", dataSources.name())
                .withData("product", database.product());
        if (!startup.ready()) {
            return response.down().withData("reason", String.valueOf(startup.failure())).build();
        }
        try (Connection connection = dataSources.get().getConnection()) {
            return connection.isValid(2) ? response.up().build()
                    : response.down().withData("reason", "the database does not answer").build();
        } catch (Exception e) {
            // a check that throws makes Payara answer 500 with an HTML page instead of 503 DOWN
            return response.down().withData("reason", "no database connection").build();
        }
    }
}
