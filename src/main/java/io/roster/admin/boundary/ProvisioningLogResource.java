package io.roster.admin.boundary;

import io.roster.protocol.control.JsonP;

import io.roster.admin.control.AdminJson;
import io.roster.admin.control.LogQueryParameters;
import io.roster.admin.control.RealmDirectory;
import io.roster.audit.control.LogSearch;
import io.roster.audit.control.ProvisioningLog;
import io.roster.audit.entity.LogEntry;
import io.roster.audit.entity.LogQuery;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * {@code /api/admin/realms/{realm}/log}: the provisioning log, newest first, a page at a time. When a page is
 * full, {@code next} is the URL of the next (older) page with the same filters.
 */
@Path("realms/{realm}/log")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ProvisioningLogResource {

    @Inject
    LogSearch search;

    @Inject
    ProvisioningLog log;

    @Inject
    RealmDirectory realms;

    @Context
    UriInfo uriInfo;

    @GET
    public JsonObject list(@PathParam("realm") String realm) {
        LogQuery query = LogQueryParameters.parse(realms.existing(realm), uriInfo.getQueryParameters());
        List<LogEntry> entries = search.find(query);
        JsonArrayBuilder list = JsonP.createArrayBuilder();
        entries.forEach(e -> list.add(AdminJson.logEntry(e)));
        JsonObjectBuilder page = JsonP.createObjectBuilder().add("entries", list);
        if (entries.size() == query.limit()) {
            String cursor = LogQuery.Cursor.after(entries.get(entries.size() - 1)).text();
            page.add("next", uriInfo.getRequestUriBuilder().replaceQueryParam("before", cursor).build().toString());
        }
        return page.add("droppedSinceStart", log.dropped()).build();
    }
}
