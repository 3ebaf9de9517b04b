package io.roster.users.boundary;

import io.roster.protocol.control.JsonP;

import io.roster.groups.control.UserGroups;
import io.roster.patch.control.PatchEngine;
import io.roster.patch.entity.PatchRequest;
import io.roster.protocol.control.Preconditions;
import io.roster.protocol.entity.ListResponse;
import io.roster.search.control.SearchRequests;
import io.roster.search.entity.SearchRequest;
import io.roster.protocol.entity.ScimException;
import io.roster.realms.CurrentRealm;
import io.roster.schema.control.Projection;
import io.roster.schema.control.SchemaRegistry;
import io.roster.schema.entity.ResourceType;
import io.roster.security.entity.Scopes;
import io.roster.users.control.UserRepresentation;
import io.roster.users.control.UserStore;
import io.roster.users.control.UserWrites;
import io.roster.users.entity.User;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /Users} (RFC 7644 §3): everything Okta and Microsoft Entra do with users. One instance for all requests
 * (creating and injecting one per request was a tenth of the server's CPU in a create); the {@code @Context}
 * fields are Jersey's proxies to the current request's, so the class keeps no state of a request.
 * <p>
 * Writes run in a transaction; reads do not. A read is a few statements at the database's READ COMMITTED, each
 * seeing what was committed when it started, in a transaction or not, so a transaction would make it no more
 * consistent; it would add the transaction manager's work and a {@code COMMIT} round trip to every lookup
 * (BENCHMARKS.md, "Reads without a transaction").
 */
@Path("Users")
@ApplicationScoped
@Produces({"application/scim+json", "application/json"})
public class UsersResource {

    @Inject
    CurrentRealm realm;

    @Inject
    UserStore store;

    @Inject
    UserWrites writes;

    @Inject
    UserGroups userGroups;

    @Inject
    SchemaRegistry schemas;

    @Inject
    @ConfigProperty(name = "roster.scim.max-results", defaultValue = "1000")
    int maxResults;

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @POST
    @Consumes({"application/scim+json", "application/json"})
    @RolesAllowed(Scopes.WRITE)
    @Transactional
    public Response create(JsonObject body, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes) {
        User user = writes.create(realm.name(), body);
        URI location = location(user);
        return Response.created(location)
                .tag(etag(user))
                .entity(projection(attributes, excludedAttributes).apply(UserRepresentation.of(user, type(), location)))
                .build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Scopes.READ)
    public Response get(@PathParam("id") String id, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes) {
        Projection projection = projection(attributes, excludedAttributes);
        User user;
        JsonArray groups = JsonValue.EMPTY_JSON_ARRAY;
        if (projection.excludes("groups")) {
            user = find(id);
        } else {
            // the user and its groups in one query
            List<Object[]> rows = store.findWith(realm.name(), id, UserGroups.JOINED);
            if (rows.isEmpty()) {
                throw notFound(id);
            }
            user = (User) rows.get(0)[0];
            groups = UserGroups.ofJoined(rows, groupsUrl()).getOrDefault(user.pk(), groups);
        }
        if (Preconditions.notModified(headers.getRequestHeader(HttpHeaders.IF_NONE_MATCH),
                UserRepresentation.etag(user))) {
            return Response.notModified(etag(user)).build();
        }
        return ok(user, projection, groups);
    }

    @GET
    @RolesAllowed(Scopes.READ)
    public JsonObject search(@QueryParam("filter") String filter, @QueryParam("sortBy") String sortBy,
            @QueryParam("sortOrder") String sortOrder, @QueryParam("startIndex") String startIndex,
            @QueryParam("count") String count, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes) {
        return list(SearchRequests.fromParameters(filter, sortBy, sortOrder, startIndex, count, attributes,
                excludedAttributes, maxResults));
    }

    /** RFC 7644 §3.4.3: the same query as a POST body, so filters stay out of URLs and logs. */
    @POST
    @Path(".search")
    @Consumes({"application/scim+json", "application/json"})
    @RolesAllowed(Scopes.READ)
    public JsonObject searchByPost(JsonObject body) {
        return list(SearchRequests.fromJson(body, maxResults));
    }

    private JsonObject list(SearchRequest request) {
        Projection projection = projection(request.attributes(), request.excludedAttributes());
        boolean withGroups = !projection.excludes("groups");
        // a lookup (userName eq) reads the user's groups in its own query; other searches read them after it
        UserStore.SearchResult result = store.search(realm.name(), request, withGroups ? UserGroups.JOINED : null);
        JsonArray resources = result.joinedRows() == null ? render(result.users(), projection)
                : render(result.users(), projection, UserGroups.ofJoined(result.joinedRows(), groupsUrl()));
        return ListResponse.of(result.total(), request.page().startIndex(), resources);
    }

    /** The users as SCIM JSON, their groups read with one query for all of them. */
    public JsonArray render(List<User> users, Projection projection) {
        return render(users, projection, groups(users, projection));
    }

    private JsonArray render(List<User> users, Projection projection, Map<Long, JsonArray> groups) {
        ResourceType type = type();
        JsonArrayBuilder resources = JsonP.createArrayBuilder();
        for (User user : users) {
            resources.add(projection.apply(UserRepresentation.of(user, type, location(user),
                    groups.getOrDefault(user.pk(), JsonValue.EMPTY_JSON_ARRAY))));
        }
        return resources.build();
    }

    @PUT
    @Path("{id}")
    @Consumes({"application/scim+json", "application/json"})
    @RolesAllowed(Scopes.WRITE)
    @Transactional
    public Response replace(@PathParam("id") String id, JsonObject body, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes) {
        User user = findForUpdate(id);
        writes.replace(user, body);
        return ok(user, projection(attributes, excludedAttributes));
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/scim+json", "application/json"})
    @RolesAllowed(Scopes.WRITE)
    @Transactional
    public Response patch(@PathParam("id") String id, JsonObject body, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes) {
        PatchRequest request = PatchRequest.fromJson(body);
        User user = findForUpdate(id);
        JsonObject current = JsonP.createObjectBuilder(UserRepresentation.document(user)).add("id", user.id()).build();
        JsonObject patched = new PatchEngine(type()).apply(current, request.operations());
        writes.replace(user, patched);
        return ok(user, projection(attributes, excludedAttributes));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Scopes.WRITE)
    @Transactional
    public Response delete(@PathParam("id") String id) {
        store.delete(findForUpdate(id));
        return Response.noContent().build();
    }

    private User find(String id) {
        return store.find(realm.name(), id).orElseThrow(() -> notFound(id));
    }

    /**
     * The user to change, locked until the transaction ends (concurrent writes of one user run one after the
     * other, none lost), and only if it still is the version the client's If-Match names (RFC 7644 §3.14).
     */
    private User findForUpdate(String id) {
        User user = store.findForUpdate(realm.name(), id).orElseThrow(() -> notFound(id));
        Preconditions.checkIfMatch(headers.getRequestHeader(HttpHeaders.IF_MATCH), UserRepresentation.etag(user),
                "User " + id);
        return user;
    }

    private static ScimException notFound(String id) {
        return ScimException.notFound("No user with id '" + id + "'");
    }

    private Response ok(User user, Projection projection) {
        return ok(user, projection,
                groups(List.of(user), projection).getOrDefault(user.pk(), JsonValue.EMPTY_JSON_ARRAY));
    }

    private Response ok(User user, Projection projection, JsonArray groups) {
        return Response.ok(projection.apply(UserRepresentation.of(user, type(), location(user), groups)))
                .tag(etag(user)).build();
    }

    /** The users' groups in one query, or none when the response leaves groups out. */
    private Map<Long, JsonArray> groups(List<User> users, Projection projection) {
        if (projection.excludes("groups")) {
            return Map.of();
        }
        return userGroups.of(users.stream().map(User::pk).toList(), groupsUrl());
    }

    private String groupsUrl() {
        return uriInfo.getBaseUriBuilder().path("Groups").build() + "/";
    }

    private static EntityTag etag(User user) {
        return new EntityTag(String.valueOf(user.version()), true);
    }

    private Projection projection(String attributes, String excludedAttributes) {
        return Projection.of(attributes, excludedAttributes, type());
    }

    /** The realm's User type: core, enterprise and the realm's own extensions. */
    private ResourceType type() {
        return schemas.user(realm.name());
    }

    private URI location(User user) {
        return uriInfo.getBaseUriBuilder().path("Users").path(user.id()).build();
    }
}
