package io.roster.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseKindTest {

    @Test
    void recognisesTheDatabaseByItsUrl() {
        assertThat(DatabaseKind.of("jdbc:h2:file:./data/roster")).isEqualTo(DatabaseKind.H2);
        assertThat(DatabaseKind.of("jdbc:postgresql://db:5432/roster")).isEqualTo(DatabaseKind.POSTGRESQL);
        assertThat(DatabaseKind.of("jdbc:mysql://x")).isEqualTo(DatabaseKind.UNKNOWN);
        assertThat(DatabaseKind.of(null)).isEqualTo(DatabaseKind.UNKNOWN);
    }

    @Test
    void recognisesTheDatabaseByWhatTheConnectionSaysItIs() {
        // an ops-created JDBC resource: Roster knows no URL, only the connection's metadata
        assertThat(DatabaseKind.ofProduct("H2")).isEqualTo(DatabaseKind.H2);
        assertThat(DatabaseKind.ofProduct("PostgreSQL")).isEqualTo(DatabaseKind.POSTGRESQL);
        assertThat(DatabaseKind.ofProduct("MySQL")).isEqualTo(DatabaseKind.UNKNOWN);
        assertThat(DatabaseKind.ofProduct(null)).isEqualTo(DatabaseKind.UNKNOWN);
    }

    @Test
    void describesUrlsWithoutCredentialsOrOptions() {
        assertThat(DatabaseDescription.of("jdbc:h2:file:./data/roster;DB_CLOSE_ON_EXIT=FALSE;PASSWORD=x"))
                .isEqualTo("jdbc:h2:file:./data/roster");
        assertThat(DatabaseDescription.of("jdbc:postgresql://bob:secret@db:5432/roster?password=secret"))
                .isEqualTo("jdbc:postgresql://db:5432/roster").doesNotContain("secret");
    }

    @Test
    void placeholdersDifferOnlyInTheDocumentType() {
        assertThat(Migrations.placeholders(DatabaseKind.POSTGRESQL)).containsEntry("document_type", "text");
        assertThat(Migrations.placeholders(DatabaseKind.H2)).containsKey("document_type");
    }
}
