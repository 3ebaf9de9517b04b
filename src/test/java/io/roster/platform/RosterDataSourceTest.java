package io.roster.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.sql.DataSourceDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RosterDataSourceTest {

    /** The defaults written into the annotation for Payara's early read are the ones Roster documents and uses. */
    @Test
    void annotationDefaultsAreTheConfiguredDefaults() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            defaults.load(in);
        }
        DataSourceDefinition definition = RosterDataSource.class.getAnnotation(DataSourceDefinition.class);
        assertThat(definition.url()).isEqualTo("${MPCONFIG=roster.db.url:" + defaults.getProperty("roster.db.url") + "}");
        assertThat(definition.user()).isEqualTo("${MPCONFIG=roster.db.user:" + defaults.getProperty("roster.db.user") + "}");
        assertThat(definition.password())
                .isEqualTo("${MPCONFIG=roster.db.password:" + defaults.getProperty("roster.db.password") + "}");
    }
}
