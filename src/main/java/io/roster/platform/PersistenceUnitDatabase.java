package io.roster.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The database JPA writes to, as its own connection describes it. Start-up compares it with the one Flyway
 * migrated: they differ if persistence.xml's {@code jta-data-source} did not pick up {@code roster.db.datasource}
 * (seen once on Payara Server), and then Roster must not report ready while its data goes elsewhere.
 */
@ApplicationScoped
public class PersistenceUnitDatabase {

    @PersistenceContext(unitName = "roster")
    EntityManager em;

    /** The URL without credentials, or empty when EclipseLink does not hand out its connection. */
    @Transactional
    public Optional<String> url() {
        try {
            Connection connection = em.unwrap(Connection.class);
            return connection == null ? Optional.empty()
                    : Optional.of(DatabaseDescription.of(connection.getMetaData().getURL()));
        } catch (SQLException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
