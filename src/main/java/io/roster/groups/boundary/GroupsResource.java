package io.roster.groups.boundary;

import io.roster.protocol.control.JsonP;

import io.roster.groups.control.GroupMembers;
import io.roster.groups.control.GroupPatch;
import io.roster.groups.control.GroupRepresentation;
import io.roster.groups.control.GroupStore;
import io.roster.groups.control.GroupWriter;
import io.roster.groups.control.GroupWrites;
import io.roster.groups.control.MemberCursor;
import io.roster.groups.control.MemberFields;
import io.roster.groups.entity.Group;
import io.roster.patch.entity.PatchRequest;
import io.roster.protocol.control.Preconditions;
import io.roster.search.control.SearchRequests;
import io.roster.search.entity.SearchRequest;
import io.roster.protocol.entity.ScimException;
import io.roster.realms.CurrentRealm;
import io.roster.schema.control.Projection;
import io.roster.schema.control.SchemaRegistry;
import io.roster.schema.entity.ResourceType;
import io.roster.security.entity.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /Groups} (RFC 7644 §3): Okta's Group Push and Microsoft Entra's group provisioning. Members are
 * streamed into responses after the method has returned, straight from the member table. One instance for all
 * requests, as {@code UsersResource}: the {@code @Context} fields are Jersey's proxies to the current request's.
 */
@Path("Groups")
@ApplicationScoped
@Produces({"application/scim+json", "application/json"})
public class GroupsResource {

    @Inject
    SchemaRegistry schemas;

    @Inject
    CurrentRealm realm;

    @Inject
    GroupStore store;

    @Inject
    GroupWrites writes;

    @Inject
    GroupPatch patches;

    @Inject
    GroupMembers members;

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
        Group group = writes.create(realm.name(), body);
        return Response.created(location(group))
                .tag(etag(group))
                .entity(representation(group, projection(attributes, excludedAttributes)))
                .build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Scopes.READ)
    public Response get(@PathParam("id") String id, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes) {
        Group group = find(id);
        if (Preconditions.notModified(headers.getRequestHeader(HttpHeaders.IF_NONE_MATCH),
                GroupRepresentation.etag(group))) {
            return Response.notModified(etag(group)).build();
        }
        return ok(group, projection(attributes, excludedAttributes));
    }

    @GET
    @RolesAllowed(Scopes.READ)
    public StreamingOutput search(@QueryParam("filter") String filter, @QueryParam("sortBy") String sortBy,
            @QueryParam("sortOrder") String sortOrder, @QueryParam("startIndex") String startIndex,
            @QueryParam("count") String count, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes) {
        return list(SearchRequests.fromParameters(filter, sortBy, sortOrder, startIndex, count, attributes,
                excludedAttributes, maxResults));
    }

    /** RFC 7644 §3.4.3: the same query as a POST body. */
    @POST
    @Path(".search")
    @Consumes({"application/scim+json", "application/json"})
    @RolesAllowed(Scopes.READ)
    public StreamingOutput searchByPost(JsonObject body) {
        return list(SearchRequests.fromJson(body, maxResults));
    }

    private StreamingOutput list(SearchRequest request) {
        GroupStore.SearchResult result = store.search(realm.name(), request);
        Projection projection = projection(request.attributes(), request.excludedAttributes());
        List<GroupWriter.Rendered> groups = result.groups().stream()
                .map(group -> new GroupWriter.Rendered(group.pk(), projection.apply(
                        GroupRepresentation.withoutMembers(group, type(), location(group)))))
                .toList();
        MemberCursor cursor = members.of(groups.stream().map(GroupWriter.Rendered::pk).toList());
        GroupWriter writer = writer(projection);
        return json(out -> writer.writeList(out, result.total(), request.page().startIndex(), groups, cursor));
    }

    @PUT
    @Path("{id}")
    @Consumes({"application/scim+json", "application/json"})
    @RolesAllowed(Scopes.WRITE)
    @Transactional
    public Response replace(@PathParam("id") String id, JsonObject body, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes) {
        Group group = findForUpdate(id);
        writes.replace(group, body);
        return ok(group, projection(attributes, excludedAttributes));
    }

    /** 204 (what Entra prefers for groups), or 200 with the group when the client asks for attributes. */
    @PATCH
    @Path("{id}")
    @Consumes({"application/scim+json", "application/json"})
    @RolesAllowed(Scopes.WRITE)
    @Transactional
    public Response patch(@PathParam("id") String id, JsonObject body, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes) {
        PatchRequest request = PatchRequest.fromJson(body);
        Group group = findForUpdate(id);
        patches.apply(group, request.operations());
        if (attributes == null && excludedAttributes == null) {
            return Response.noContent().tag(etag(group)).build();
        }
        return ok(group, projection(attributes, excludedAttributes));
    }

    /** Memberships go with the group; its users stay. */
    @DELETE
    @Path("{id}")
    @RolesAllowed(Scopes.WRITE)
    @Transactional
    public Response delete(@PathParam("id") String id) {
        store.delete(findForUpdate(id));
        return Response.noContent().build();
    }

    private Group find(String id) {
        return store.find(realm.name(), id).orElseThrow(() -> notFound(id));
    }

    /** The group to change, locked, and only if it still is the version the client's If-Match names. */
    private Group findForUpdate(String id) {
        Group group = store.findForUpdate(realm.name(), id).orElseThrow(() -> notFound(id));
        Preconditions.checkIfMatch(headers.getRequestHeader(HttpHeaders.IF_MATCH), GroupRepresentation.etag(group),
                "Group " + id);
        return group;
    }

    private static ScimException notFound(String id) {
        return ScimException.notFound("No group with id '" + id + "'");
    }

    private Response ok(Group group, Projection projection) {
        return Response.ok(representation(group, projection)).tag(etag(group)).build();
    }

    private StreamingOutput representation(Group group, Projection projection) {
        GroupWriter.Rendered rendered = new GroupWriter.Rendered(group.pk(),
                projection.apply(GroupRepresentation.withoutMembers(group, type(), location(group))));
        MemberCursor cursor = members.of(List.of(group.pk()));
        GroupWriter writer = writer(projection);
        return json(out -> writer.write(out, rendered, cursor));
    }

    private GroupWriter writer(Projection projection) {
        return new GroupWriter(MemberFields.of(projection),
                uriInfo.getBaseUriBuilder().path("Users").build() + "/");
    }

    /**
     * The body is written after the method has returned (for a write, after its transaction has ended); members are
     * read while it is written. Reads run without a transaction, as {@code UsersResource} explains.
     */
    private static StreamingOutput json(Consumer<JsonGenerator> content) {
        return output -> {
            JsonGenerator generator = JsonP.createGenerator(output);
            content.accept(generator);
            generator.flush();
        };
    }

    private static EntityTag etag(Group group) {
        return new EntityTag(String.valueOf(group.version()), true);
    }

    private Projection projection(String attributes, String excludedAttributes) {
        return Projection.of(attributes, excludedAttributes, type());
    }

    /** The realm's Group type: core and the realm's own extensions. */
    private ResourceType type() {
        return schemas.group(realm.name());
    }

    private URI location(Group group) {
        return uriInfo.getBaseUriBuilder().path("Groups").path(group.id()).build();
    }
}
