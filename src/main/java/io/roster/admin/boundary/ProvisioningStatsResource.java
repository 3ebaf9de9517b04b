package io.roster.admin.boundary;

import io.roster.admin.control.RealmDirectory;
import io.roster.admin.entity.AdminException;
import io.roster.audit.control.LogStatistics;
import io.roster.audit.control.ProvisioningLog;
import io.roster.audit.entity.MinuteCounts;
import io.roster.protocol.control.JsonP;
import io.roster.security.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code /api/admin/realms/{realm}/stats?hours=24}: SCIM requests per minute by outcome over the last hours (the
 * console's dashboard chart), their totals, and the error rate of the last {@value #RECENT_MINUTES} minutes.
 * Minutes without requests are left out of {@code minutes}. The log is written in batches, so the last second or
 * so may not be counted yet.
 */
@Path("realms/{realm}/stats")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ProvisioningStatsResource {

    static final int RECENT_MINUTES = 15;
    static final int MAX_HOURS = 24 * 7;

    @Inject
    LogStatistics statistics;

    @Inject
    ProvisioningLog log;

    @Inject
    RealmDirectory realms;

    @GET
    public JsonObject get(@PathParam("realm") String realm, @QueryParam("hours") String hoursText) {
        int hours = hours(hoursText);
        Instant to = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        Instant from = to.minus(Duration.ofHours(hours));
        List<MinuteCounts> minutes = statistics.perMinute(realms.existing(realm), from, to);

        JsonArrayBuilder list = JsonP.createArrayBuilder();
        long success = 0, clientErrors = 0, serverErrors = 0;
        Instant recentFrom = to.minus(Duration.ofMinutes(RECENT_MINUTES));
        long recentRequests = 0, recentClientErrors = 0, recentServerErrors = 0;
        for (MinuteCounts minute : minutes) {
            list.add(JsonP.createObjectBuilder()
                    .add("minute", minute.minute().toString())
                    .add("success", minute.success())
                    .add("clientErrors", minute.clientErrors())
                    .add("serverErrors", minute.serverErrors()));
            success += minute.success();
            clientErrors += minute.clientErrors();
            serverErrors += minute.serverErrors();
            if (!minute.minute().isBefore(recentFrom)) {
                recentRequests += minute.requests();
                recentClientErrors += minute.clientErrors();
                recentServerErrors += minute.serverErrors();
            }
        }
        JsonObjectBuilder recent = JsonP.createObjectBuilder()
                .add("minutes", RECENT_MINUTES)
                .add("requests", recentRequests)
                .add("clientErrors", recentClientErrors)
                .add("serverErrors", recentServerErrors);
        if (recentRequests > 0) {
            recent.add("errorRate", (double) (recentClientErrors + recentServerErrors) / recentRequests)
                    .add("serverErrorRate", (double) recentServerErrors / recentRequests);
        }
        return JsonP.createObjectBuilder()
                .add("realm", realm)
                .add("from", from.toString())
                .add("to", to.toString())
                .add("minutes", list)
                .add("totals", JsonP.createObjectBuilder()
                        .add("requests", success + clientErrors + serverErrors)
                        .add("success", success)
                        .add("clientErrors", clientErrors)
                        .add("serverErrors", serverErrors))
                .add("recent", recent)
                .add("droppedSinceStart", log.dropped())
                .build();
    }

    private static int hours(String text) {
        if (text == null || text.isBlank()) {
            return 24;
        }
        try {
            int hours = Integer.parseInt(text.trim());
            if (hours >= 1 && hours <= MAX_HOURS) {
                return hours;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw AdminException.badRequest("hours must be a whole number from 1 to " + MAX_HOURS);
    }
}
