package io.roster.admin.boundary;

import io.roster.admin.control.RealmDirectory;
import io.roster.groups.control.UserGroups;
import io.roster.protocol.control.JsonP;
import io.roster.protocol.entity.ListResponse;
import io.roster.search.control.SearchRequests;
import io.roster.search.entity.SearchRequest;
import io.roster.security.entity.Roles;
import io.roster.users.control.UserRepresentation;
import io.roster.users.control.UserStore;
import io.roster.users.entity.User;
import io.roster.admin.entity.AdminException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import io.roster.schema.control.Projection;
import io.roster.schema.control.SchemaRegistry;
import io.roster.schema.entity.ResourceType;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /api/admin/realms/{realm}/users}: a realm's users for administrators, read with the SCIM API's own
 * search (the whole filter language, {@code sortBy}, paging) and representation, so the console needs no SCIM
 * token. Read-only; {@code meta.location} is the user's URL in the realm's SCIM API.
 */
@Path("realms/{realm}/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class RealmUsersResource {

    @Inject
    UserStore store;

    @Inject
    UserGroups userGroups;

    @Inject
    RealmDirectory realms;

    @Inject
    SchemaRegistry schemas;

    @Inject
    @ConfigProperty(name = "roster.scim.max-results", defaultValue = "1000")
    int maxResults;

    @Context
    UriInfo uriInfo;

    @PathParam("realm")
    String realm;

    /** A SCIM list response: {@code totalResults}, {@code startIndex}, {@code itemsPerPage}, {@code Resources}. */
    @GET
    @Transactional
    public JsonObject search(@QueryParam("filter") String filter, @QueryParam("sortBy") String sortBy,
            @QueryParam("sortOrder") String sortOrder, @QueryParam("startIndex") String startIndex,
            @QueryParam("count") String count) {
        realms.existing(realm);
        SearchRequest request = SearchRequests.fromParameters(filter, sortBy, sortOrder, startIndex, count, null,
                null, maxResults);
        UserStore.SearchResult result = store.search(realm, request);
        Map<Long, JsonArray> groups = groups(result.users());
        ResourceType type = schemas.user(realm);
        Projection shown = Projection.of(null, null, type);
        JsonArrayBuilder resources = JsonP.createArrayBuilder();
        result.users().forEach(user -> resources.add(shown.apply(UserRepresentation.of(user, type, location(user),
                groups.getOrDefault(user.pk(), JsonValue.EMPTY_JSON_ARRAY)))));
        return ListResponse.of(result.total(), request.page().startIndex(), resources.build());
    }

    @GET
    @Path("{id}")
    @Transactional
    public JsonObject get(@PathParam("id") String id) {
        realms.existing(realm);
        User user = store.find(realm, id).orElseThrow(() -> AdminException.notFound(
                "No user with id " + id + " in the realm \"" + realm + "\""));
        ResourceType type = schemas.user(realm);
        return Projection.of(null, null, type).apply(UserRepresentation.of(user, type, location(user),
                groups(List.of(user)).getOrDefault(user.pk(), JsonValue.EMPTY_JSON_ARRAY)));
    }

    private Map<Long, JsonArray> groups(List<User> users) {
        return userGroups.of(users.stream().map(User::pk).toList(), scimBase() + "/Groups/");
    }

    private URI location(User user) {
        return URI.create(scimBase() + "/Users/" + user.id());
    }

    private String scimBase() {
        return realms.scimBaseUrl(realm, uriInfo);
    }
}
