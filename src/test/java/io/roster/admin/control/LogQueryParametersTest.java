package io.roster.admin.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roster.admin.entity.AdminException;
import io.roster.audit.entity.LogQuery;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogQueryParametersTest {

    @Test
    void noParametersMeanTheNewestHundred() {
        LogQuery query = LogQueryParameters.parse("default", new MultivaluedHashMap<>());
        assertThat(query).isEqualTo(new LogQuery("default", null, null, null, null, null, null, null, null, null, 100));
    }

    @Test
    void everyFilterIsRead() {
        LogQuery query = LogQueryParameters.parse("default", parameters("from", "2026-01-01T00:00:00Z",
                "to", "2026-02-01T00:00:00Z", "serviceAccount", "okta", "method", "patch", "resourceType", "groups",
                "status", "4xx", "resourceId", "g1", "limit", "20", "before", "1767225600000.77"));
        assertThat(query).isEqualTo(new LogQuery("default", Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-02-01T00:00:00Z"), "okta", "PATCH", "Group", 400, 499, "g1",
                new LogQuery.Cursor(Instant.parse("2026-01-01T00:00:00Z"), 77), 20));
        LogQuery exact = LogQueryParameters.parse("default", parameters("status", "404"));
        assertThat(exact.statusFrom()).isEqualTo(404);
        assertThat(exact.statusTo()).isEqualTo(404);
    }

    @Test
    void cursorsRoundTrip() {
        LogQuery.Cursor cursor = new LogQuery.Cursor(Instant.ofEpochMilli(1767225600123L), 12345);
        assertThat(LogQuery.Cursor.parse(cursor.text())).isEqualTo(cursor);
    }

    @Test
    void badParametersAre400() {
        for (String[] bad : new String[][] {{"from", "yesterday"}, {"status", "4x"}, {"status", "600"},
                {"method", "FETCH"}, {"resourceType", "Printer"}, {"limit", "0"}, {"limit", "1001"},
                {"limit", "ten"}, {"before", "x"}, {"before", "1.2.3"}, {"colour", "red"}}) {
            assertThatThrownBy(() -> LogQueryParameters.parse("default", parameters(bad))).as(String.join("=", bad))
                    .isInstanceOfSatisfying(AdminException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
    }

    private static MultivaluedMap<String, String> parameters(String... pairs) {
        MultivaluedMap<String, String> map = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.add(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
