package io.roster.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The database Roster uses. By default its own data source ({@link RosterDataSource}, built from
 * {@code roster.db.url}/{@code user}/{@code password}); with {@code roster.db.datasource} set (for example to
 * {@code jdbc/roster}, a JDBC resource that ops created on Payara Server) that one instead. persistence.xml reads
 * the same setting, so JPA, Flyway and the plain-JDBC parts of Roster always share one database.
 */
@ApplicationScoped
public class DataSources {

    /** The setting that names an external JDBC resource. */
    public static final String SETTING = "roster.db.datasource";

    private volatile DataSource dataSource;

    /** The JNDI name in use: the configured resource, or Roster's own. */
    public static String configuredName() {
        return ConfigProvider.getConfig(DataSources.class.getClassLoader())
                .getOptionalValue(SETTING, String.class)
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .orElse(RosterDataSource.JNDI_NAME);
    }

    /** True when ops gave Roster a data source of the server's instead of its own. */
    public static boolean external() {
        return !RosterDataSource.JNDI_NAME.equals(configuredName());
    }

    public String name() {
        return configuredName();
    }

    public DataSource get() {
        DataSource current = dataSource;
        if (current == null) {
            current = lookup(configuredName());
            dataSource = current;
        }
        return current;
    }

    static DataSource lookup(String name) {
        try {
            return Optional.ofNullable((DataSource) new InitialContext().lookup(name))
                    .orElseThrow(() -> new IllegalStateException("No data source named " + name));
        } catch (NamingException | ClassCastException e) {
            throw new IllegalStateException("No data source named " + name + " (" + SETTING + "): "
                    + e.getMessage(), e);
        }
    }
}
