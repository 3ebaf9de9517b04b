package io.roster.audit.control;

import io.roster.audit.entity.LogEntry;
import io.roster.protocol.control.JsonP;
import jakarta.json.JsonObjectBuilder;

/**
 * A provisioning-log entry as one line of JSON for the server log (logger {@code io.roster.provisioning}, with
 * {@code roster.log.server-log=true}), for log shippers: the same fields as the admin API's log entries, absent
 * ones left out, so never a body, credential or header other than the User-Agent.
 */
public final class ServerLogLine {

    private ServerLogLine() {
    }

    public static String of(LogEntry entry) {
        JsonObjectBuilder line = JsonP.createObjectBuilder()
                .add("event", "scim-request")
                .add("time", entry.time().toString())
                .add("realm", entry.realm());
        add(line, "serviceAccount", entry.serviceAccount());
        line.add("method", entry.method()).add("path", entry.path());
        add(line, "resourceType", entry.resourceType());
        add(line, "resourceId", entry.resourceId());
        add(line, "filter", entry.filter());
        line.add("status", entry.status());
        add(line, "scimType", entry.scimType());
        line.add("durationMs", entry.durationMillis());
        add(line, "userAgent", entry.userAgent());
        return line.build().toString();
    }

    private static void add(JsonObjectBuilder line, String name, String value) {
        if (value != null) {
            line.add(name, value);
        }
    }
}
