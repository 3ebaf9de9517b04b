package io.roster.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.audit.entity.LogEntry;
import io.roster.protocol.control.JsonP;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ServerLogLineTest {

    @Test
    void oneJsonObjectOnOneLineWithTheEntrysFields() {
        LogEntry entry = new LogEntry(Instant.parse("2026-01-02T03:04:05Z"), "default", "alice", "POST",
                "/scim/v2/Users", "User", "u-1", null, 201, null, 12, "Okta SCIM Client");
        String line = ServerLogLine.of(entry);

        assertThat(line).doesNotContain("\n");
        JsonObject json = JsonP.createReader(new StringReader(line)).readObject();
        assertThat(json.getString("event")).isEqualTo("scim-request");
        assertThat(json.getString("time")).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(json.getString("serviceAccount")).isEqualTo("alice");
        assertThat(json.getString("resourceId")).isEqualTo("u-1");
        assertThat(json.getInt("status")).isEqualTo(201);
        assertThat(json.getInt("durationMs")).isEqualTo(12);
        assertThat(json.containsKey("filter")).as("absent values are left out").isFalse();
    }

    @Test
    void valuesAreEscapedNotInterpreted() {
        LogEntry entry = new LogEntry(Instant.EPOCH, "default", null, "GET", "/scim/v2/Users",
                "User", null, "userName eq \"…\"", 200, null, 1, "evil\"\n{\"status\":500}");
        JsonObject json = JsonP.createReader(new StringReader(ServerLogLine.of(entry))).readObject();
        assertThat(json.getString("userAgent")).isEqualTo("evil\"\n{\"status\":500}");
        assertThat(json.getInt("status")).isEqualTo(200);
        assertThat(json.containsKey("serviceAccount")).isFalse();
    }
}
