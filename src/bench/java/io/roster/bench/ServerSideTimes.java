package io.roster.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Latency at the server: what Roster itself recorded for every SCIM request of a workload in its provisioning log
 * ({@code duration_ms}, from the first filter to the response, in whole milliseconds), so that it leaves out the
 * client, the network stack and the wait for a free HTTP thread. Read after the server stopped (H2 allows one
 * process only), by each workload's time window.
 */
final class ServerSideTimes {

    private static final String QUERY = "select method, resource_type, resource_id, filter, duration_ms "
            + "from provisioning_log where logged_at >= ? and logged_at <= ? order by pk";

    private ServerSideTimes() {
    }

    static List<Results.ServerStat> read(String jdbcUrl, List<Results.Workload> workloads) throws SQLException {
        List<Results.ServerStat> stats = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "roster", "roster");
                PreparedStatement query = connection.prepareStatement(QUERY)) {
            for (Results.Workload workload : workloads) {
                if (workload.started() == null || workload.id().startsWith("floor")) {
                    continue;
                }
                query.setTimestamp(1, Timestamp.from(workload.started()));
                query.setTimestamp(2, Timestamp.from(workload.ended()));
                Map<String, List<Integer>> byRequest = new LinkedHashMap<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        byRequest.computeIfAbsent(request(rows), k -> new ArrayList<>()).add(rows.getInt(5));
                    }
                }
                byRequest.forEach((request, millis) -> stats.add(stat(workload.id(), request, millis)));
            }
        }
        return stats;
    }

    /** "GET User filter userName", "PATCH Group/{id}", … */
    private static String request(ResultSet row) throws SQLException {
        String type = row.getString(2);
        String filter = row.getString(4);
        return row.getString(1) + " " + (type == null ? "(other)" : type) + (row.getString(3) != null ? "/{id}" : "")
                + (filter == null ? "" : " filter " + filter.trim().split("[\\s\\[]", 2)[0]);
    }

    static Results.ServerStat stat(String workload, String request, List<Integer> millis) {
        int[] sorted = millis.stream().mapToInt(Integer::intValue).sorted().toArray();
        return new Results.ServerStat(workload, request, sorted.length, rank(sorted, 50), rank(sorted, 95),
                rank(sorted, 99), sorted[sorted.length - 1]);
    }

    /** Nearest-rank percentile. */
    private static int rank(int[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
