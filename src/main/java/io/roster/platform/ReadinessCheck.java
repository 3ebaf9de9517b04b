package io.roster.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready means: start-up finished (schema migrated) and the database answers now. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Inject
    Startup startup;

    @Inject
    Migrations migrations;

    @Resource(lookup = RosterDataSource.JNDI_NAME)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database").withData("database", migrations.kind().label());
        if (!startup.ready()) {
            return response.down().withData("reason", String.valueOf(startup.failure())).build();
        }
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2) ? response.up().build()
                    : response.down().withData("reason", "the database does not answer").build();
        } catch (Exception e) {
            // a check that throws makes Payara answer 500 with an HTML page instead of 503 DOWN
            return response.down().withData("reason", "no database connection").build();
        }
    }
}
