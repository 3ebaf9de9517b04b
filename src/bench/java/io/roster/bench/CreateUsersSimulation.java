package io.roster.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Workload 1: Okta's create sequence, {@code GET /Users?filter=userName eq "…"} (nothing found), then
 * {@code POST /Users}, by a number of concurrent clients until {@code count} users exist.
 */
public class CreateUsersSimulation extends Simulation {
    {
        int clients = Ctx.integer("clients");
        int count = Ctx.integer("count");
        boolean password = Ctx.flag("password");
        Population created = new Population(Ctx.string("prefix"));
        AtomicInteger next = new AtomicInteger();
        String lookup = "create: GET filter userName eq (absent)";
        String post = "create: POST /Users" + (password ? " (with password)" : "");
        setUp(scenario("Okta create").exec(Sims.bounded(count,
                        exec(session -> session.set("i", next.getAndIncrement()))
                                .exec(Sims.timed(lookup, http(lookup).get("/Users")
                                        .queryParam("filter", s -> "userName eq "
                                                + Sims.quote(created.userName(s.getInt("i"))))
                                        .check(status().is(200), jsonPath("$.totalResults").ofInt().is(0))))
                                .exec(Sims.timed(post, http(post).post("/Users")
                                        .body(io.gatling.javaapi.core.CoreDsl.StringBody(
                                                s -> created.userJson(s.getInt("i"), password)))
                                        .check(status().is(201), jsonPath("$.id").exists())))))
                .injectOpen(atOnceUsers(clients)))
                .protocols(Sims.scim());
    }
}
