package io.roster.admin.boundary;

import io.roster.admin.control.RealmDirectory;
import io.roster.admin.entity.AdminException;
import io.roster.groups.control.GroupMembers;
import io.roster.groups.control.GroupRepresentation;
import io.roster.schema.control.Projection;
import io.roster.schema.control.SchemaRegistry;
import io.roster.schema.entity.ResourceType;
import io.roster.groups.control.GroupStore;
import io.roster.groups.entity.Group;
import io.roster.protocol.control.JsonP;
import io.roster.protocol.entity.ListResponse;
import io.roster.protocol.entity.Page;
import io.roster.search.control.SearchRequests;
import io.roster.search.entity.SearchRequest;
import io.roster.security.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /api/admin/realms/{realm}/groups}: a realm's groups for administrators, searched and represented as the
 * SCIM API does, but without their member lists (a group may have 100,000 members): each group carries
 * {@code memberCount} beside its SCIM attributes, and {@code …/groups/{id}/members} pages through the members.
 */
@Path("realms/{realm}/groups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class RealmGroupsResource {

    static final int MEMBERS_PAGE = 50;

    @Inject
    SchemaRegistry schemas;

    @Inject
    GroupStore store;

    @Inject
    GroupMembers members;

    @Inject
    RealmDirectory realms;

    @Inject
    @ConfigProperty(name = "roster.scim.max-results", defaultValue = "1000")
    int maxResults;

    @Context
    UriInfo uriInfo;

    @PathParam("realm")
    String realm;

    @GET
    @Transactional
    public JsonObject search(@QueryParam("filter") String filter, @QueryParam("sortBy") String sortBy,
            @QueryParam("sortOrder") String sortOrder, @QueryParam("startIndex") String startIndex,
            @QueryParam("count") String count) {
        realms.existing(realm);
        SearchRequest request = SearchRequests.fromParameters(filter, sortBy, sortOrder, startIndex, count, null,
                null, maxResults);
        GroupStore.SearchResult result = store.search(realm, request);
        Map<Long, Long> counts = members.counts(result.groups().stream().map(Group::pk).toList());
        JsonArrayBuilder resources = JsonP.createArrayBuilder();
        result.groups().forEach(group -> resources.add(representation(group, counts.getOrDefault(group.pk(), 0L))));
        return ListResponse.of(result.total(), request.page().startIndex(), resources.build());
    }

    /** The group's SCIM representation without {@code members}, with {@code memberCount}. */
    @GET
    @Path("{id}")
    @Transactional
    public JsonObject get(@PathParam("id") String id) {
        Group group = find(id);
        return representation(group, members.counts(List.of(group.pk())).getOrDefault(group.pk(), 0L));
    }

    /**
     * A page of members, in the order their users were created: {@code {"totalResults", "startIndex",
     * "itemsPerPage", "members": [{"value", "display", "userName"}]}}; {@code count} defaults to
     * {@value #MEMBERS_PAGE}.
     */
    @GET
    @Path("{id}/members")
    @Transactional
    public JsonObject members(@PathParam("id") String id, @QueryParam("startIndex") String startIndex,
            @QueryParam("count") String count) {
        Group group = find(id);
        Page page = Page.of(startIndex, count == null || count.isBlank() ? String.valueOf(MEMBERS_PAGE) : count,
                maxResults);
        long total = members.counts(List.of(group.pk())).getOrDefault(group.pk(), 0L);
        JsonArrayBuilder list = JsonP.createArrayBuilder();
        List<GroupMembers.Listed> listed = members.page(group.pk(), page.offset(), page.count());
        for (GroupMembers.Listed member : listed) {
            JsonObjectBuilder json = JsonP.createObjectBuilder().add("value", member.id());
            if (member.display() != null) {
                json.add("display", member.display());
            }
            list.add(json.add("userName", member.userName()));
        }
        return JsonP.createObjectBuilder()
                .add("totalResults", total)
                .add("startIndex", page.startIndex())
                .add("itemsPerPage", listed.size())
                .add("members", list)
                .build();
    }

    private Group find(String id) {
        realms.existing(realm);
        return store.find(realm, id).orElseThrow(() -> AdminException.notFound(
                "No group with id " + id + " in the realm \"" + realm + "\""));
    }

    private JsonObject representation(Group group, long memberCount) {
        URI location = URI.create(realms.scimBaseUrl(realm, uriInfo) + "/Groups/" + group.id());
        ResourceType type = schemas.group(realm);
        return JsonP.createObjectBuilder(Projection.of(null, null, type)
                        .apply(GroupRepresentation.withoutMembers(group, type, location)))
                .add("memberCount", memberCount)
                .build();
    }
}
