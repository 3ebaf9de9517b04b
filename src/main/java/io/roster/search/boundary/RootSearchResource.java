package io.roster.search.boundary;

import io.roster.protocol.control.JsonP;

import io.roster.filter.entity.Filter;
import io.roster.groups.control.GroupMembers;
import io.roster.groups.control.GroupRepresentation;
import io.roster.groups.control.GroupStore;
import io.roster.groups.control.GroupWriter;
import io.roster.groups.control.MemberCursor;
import io.roster.groups.control.MemberFields;
import io.roster.groups.control.UserGroups;
import io.roster.groups.entity.Group;
import io.roster.protocol.entity.ListResponse;
import io.roster.protocol.entity.Page;
import io.roster.protocol.entity.ScimException;
import io.roster.protocol.entity.ScimType;
import io.roster.realms.CurrentRealm;
import io.roster.schema.control.Projection;
import io.roster.schema.control.SchemaRegistry;
import io.roster.schema.entity.ResourceType;
import io.roster.search.control.SearchRequests;
import io.roster.search.entity.SearchRequest;
import io.roster.security.entity.Scopes;
import io.roster.users.control.UserRepresentation;
import io.roster.users.control.UserStore;
import io.roster.users.entity.User;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code POST /.search} (RFC 7644 §3.4.3): one list across users and groups. Users come first, then groups, each
 * in its own order (sortBy applies within each type). A filter that names an attribute one type does not have
 * matches none of that type; only when neither type can answer it is it an error.
 */
@Path(".search")
@RequestScoped
@Produces({"application/scim+json", "application/json"})
public class RootSearchResource {

    @Inject
    CurrentRealm realm;

    @Inject
    UserStore users;

    @Inject
    GroupStore groups;

    @Inject
    UserGroups userGroups;

    @Inject
    GroupMembers members;

    @Inject
    SchemaRegistry schemas;

    @Inject
    @ConfigProperty(name = "roster.scim.max-results", defaultValue = "1000")
    int maxResults;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes({"application/scim+json", "application/json"})
    @RolesAllowed(Scopes.READ)
    public StreamingOutput search(JsonObject body) {
        SearchRequest request = SearchRequests.fromJson(body, maxResults);
        Filter filter = request.filter();
        ScimException[] failures = new ScimException[2];
        long userCount = countOrNone(() -> users.count(realm.name(), filter), failures, 0);
        long groupCount = countOrNone(() -> groups.count(realm.name(), filter), failures, 1);
        if (failures[0] != null && failures[1] != null) {
            throw failures[0];
        }
        Page page = request.page();
        int userOffset = (int) Math.min(page.offset(), userCount);
        int userTake = (int) Math.max(0, Math.min(page.count(), userCount - userOffset));
        int groupOffset = (int) Math.max(0, page.offset() - userCount);
        int groupTake = (int) Math.max(0, Math.min(page.count() - userTake, groupCount - groupOffset));

        List<User> userPage = userTake == 0 ? List.of()
                : users.page(realm.name(), filter, request.sort(), userOffset, userTake);
        List<Group> groupPage = groupTake == 0 ? List.of()
                : groups.page(realm.name(), filter, request.sort(), groupOffset, groupTake);
        ResourceType userType = schemas.user(realm.name());
        ResourceType groupType = schemas.group(realm.name());
        JsonArray renderedUsers = renderUsers(userPage, userType, Projection.of(request.attributes(),
                request.excludedAttributes(), userType));
        Projection groupProjection = Projection.of(request.attributes(), request.excludedAttributes(), groupType);
        List<GroupWriter.Rendered> renderedGroups = groupPage.stream()
                .map(group -> new GroupWriter.Rendered(group.pk(), groupProjection.apply(GroupRepresentation
                        .withoutMembers(group, groupType, base().resolve("Groups/" + group.id())))))
                .toList();
        MemberCursor cursor = members.of(renderedGroups.stream().map(GroupWriter.Rendered::pk).toList());
        GroupWriter writer = new GroupWriter(MemberFields.of(groupProjection), base().resolve("Users") + "/");
        long total = userCount + groupCount;
        return output -> {
            JsonGenerator json = JsonP.createGenerator(output);
            json.writeStartObject();
            json.writeStartArray("schemas").write(ListResponse.SCHEMA).writeEnd();
            json.write("totalResults", total);
            json.write("startIndex", page.startIndex());
            json.write("itemsPerPage", renderedUsers.size() + renderedGroups.size());
            json.writeStartArray("Resources");
            renderedUsers.forEach(json::write);
            renderedGroups.forEach(group -> writer.write(json, group, cursor));
            json.writeEnd();
            json.writeEnd();
            json.flush();
        };
    }

    private JsonArray renderUsers(List<User> page, ResourceType type, Projection projection) {
        Map<Long, JsonArray> groupsOf = projection.excludes("groups") || page.isEmpty() ? Map.of()
                : userGroups.of(page.stream().map(User::pk).toList(), base().resolve("Groups") + "/");
        var array = JsonP.createArrayBuilder();
        for (User user : page) {
            JsonObject json = UserRepresentation.of(user, type, base().resolve("Users/" + user.id()),
                    groupsOf.getOrDefault(user.pk(), JsonValue.EMPTY_JSON_ARRAY));
            array.add(projection.apply(json));
        }
        return array.build();
    }

    /** A type that cannot answer the filter (it names an attribute the type does not have) has no matches. */
    private static long countOrNone(LongSupplier count, ScimException[] failures, int index) {
        try {
            return count.getAsLong();
        } catch (ScimException e) {
            if (e.scimType() != ScimType.INVALID_FILTER) {
                throw e;
            }
            failures[index] = e;
            return 0;
        }
    }

    private java.net.URI base() {
        return uriInfo.getBaseUri();
    }
}
