package io.roster.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;

/**
 * Workload 5: reads of the large group that Okta makes: {@code GET /Groups/{id}?excludedAttributes=members} and
 * {@code GET /Groups?filter=displayName eq "…"} (both by concurrent clients), and a few full reads with all
 * members.
 */
public class GroupReadSimulation extends Simulation {
    {
        int clients = Ctx.integer("clients");
        int requests = Ctx.integer("requests");
        int fullReads = Ctx.integer("fullReads");
        String group = Ctx.string("groupId");
        String displayName = Ctx.string("groupName");
        String byId = "group: GET /Groups/{id}?excludedAttributes=members";
        String byName = "group: GET /Groups?filter=displayName eq&excludedAttributes=members";
        String full = "group: GET /Groups/{id} with all members";
        var reads = scenario("group reads").exec(Sims.bounded(requests, exec(
                Sims.timed(byId, http(byId).get("/Groups/" + group + "?excludedAttributes=members")
                        .check(status().is(200), jsonPath("$.id").is(group))),
                Sims.timed(byName, http(byName).get("/Groups")
                        .queryParam("filter", "displayName eq " + Sims.quote(displayName))
                        .queryParam("excludedAttributes", "members")
                        .check(status().is(200), jsonPath("$.totalResults").ofInt().is(1))))));
        var fulls = scenario("full group reads").exec(repeat(fullReads).on(
                Sims.timed(full, http(full).get("/Groups/" + group).check(status().is(200)))));
        setUp(reads.injectOpen(atOnceUsers(clients)).andThen(fulls.injectOpen(atOnceUsers(1))))
                .protocols(Sims.scim());
    }
}
