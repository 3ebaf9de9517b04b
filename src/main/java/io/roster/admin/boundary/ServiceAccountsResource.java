package io.roster.admin.boundary;

import io.roster.protocol.control.JsonP;

import io.roster.admin.control.AdminJson;
import io.roster.admin.control.RealmDirectory;
import io.roster.admin.control.ServiceAccountInput;
import io.roster.admin.control.TokenInput;
import io.roster.admin.entity.AdminException;
import io.roster.security.control.IssuedToken;
import io.roster.security.control.ServiceAccounts;
import io.roster.security.control.TokenCache;
import io.roster.security.entity.ApiToken;
import io.roster.security.entity.Roles;
import io.roster.security.entity.ServiceAccount;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * {@code /api/admin/realms/{realm}/service-accounts}: the provisioning clients of a realm and their tokens. A
 * token's value appears exactly once, in the answer to the request that created it.
 */
@Path("realms/{realm}/service-accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ServiceAccountsResource {

    private static final Logger LOG = Logger.getLogger("io.roster.admin");

    @Inject
    TokenCache tokenCache;

    @Inject
    ServiceAccounts accounts;

    @Inject
    RealmDirectory realms;

    @Context
    UriInfo uriInfo;

    @Context
    SecurityContext caller;

    @PathParam("realm")
    String realm;

    @GET
    @Transactional
    public JsonObject list() {
        JsonArrayBuilder list = JsonP.createArrayBuilder();
        accounts.list(realms.existing(realm)).forEach(a -> list.add(AdminJson.account(a, accounts.tokens(a))));
        return JsonP.createObjectBuilder().add("serviceAccounts", list).build();
    }

    @POST
    @Transactional
    public Response create(String body) {
        realms.existing(realm);
        ServiceAccountInput input = ServiceAccountInput.from(AdminJson.object(body, true));
        if (accounts.named(realm, input.name()).isPresent()) {
            throw AdminException.conflict("A service account named \"" + input.name() + "\" already exists in "
                    + "the realm \"" + realm + "\"");
        }
        IssuedToken issued = accounts.create(realm, input.name(), input.scopes(), input.rateLimit(),
                input.expires());
        ServiceAccount account = issued.token().account();
        audit("service-account-created", account, issued.token().id());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(account.id()).build())
                .entity(AdminJson.account(account, accounts.tokens(account))
                        .add("tokenId", issued.token().id())
                        .add("token", issued.value())
                        .build())
                .build();
    }

    @GET
    @Path("{id}")
    @Transactional
    public JsonObject get(@PathParam("id") String id) {
        ServiceAccount account = account(id);
        return AdminJson.account(account, accounts.tokens(account)).build();
    }

    @DELETE
    @Path("{id}")
    @Transactional
    public Response delete(@PathParam("id") String id) {
        ServiceAccount account = account(id);
        accounts.delete(account);
        tokenCache.forgetAll();
        audit("service-account-deleted", account, null);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/tokens")
    @Transactional
    public JsonObject tokens(@PathParam("id") String id) {
        JsonArrayBuilder list = JsonP.createArrayBuilder();
        Instant now = Instant.now();
        accounts.tokens(account(id)).forEach(t -> list.add(AdminJson.token(t, now)));
        return JsonP.createObjectBuilder().add("tokens", list).build();
    }

    @POST
    @Path("{id}/tokens")
    @Transactional
    public Response issueToken(@PathParam("id") String id, String body) {
        ServiceAccount account = account(id);
        TokenInput input = TokenInput.from(AdminJson.object(body, false));
        IssuedToken issued = accounts.issue(account, input.expires());
        audit("token-created", account, issued.token().id());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(issued.token().id()).build())
                .entity(AdminJson.token(issued.token(), Instant.now()).add("token", issued.value()).build())
                .build();
    }

    @DELETE
    @Path("{id}/tokens/{tokenId}")
    @Transactional
    public Response revokeToken(@PathParam("id") String id, @PathParam("tokenId") String tokenId) {
        ServiceAccount account = account(id);
        ApiToken token = accounts.token(account, tokenId).orElseThrow(() -> AdminException.notFound(
                "The service account \"" + account.name() + "\" has no token with id " + tokenId));
        token.revoke(Instant.now());
        tokenCache.forgetAll();
        audit("token-revoked", account, tokenId);
        return Response.noContent().build();
    }

    private ServiceAccount account(String id) {
        return accounts.find(realms.existing(realm), id).orElseThrow(() -> AdminException.notFound(
                "No service account with id " + id + " in the realm \"" + realm + "\""));
    }

    private void audit(String event, ServiceAccount account, String tokenId) {
        LOG.info("event=" + event + " realm=" + account.realm() + " account=" + account.name()
                + (tokenId == null ? "" : " token=" + tokenId) + " by=" + caller.getUserPrincipal().getName());
    }
}
