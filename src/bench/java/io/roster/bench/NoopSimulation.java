package io.roster.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;

/** The HTTP floor: GETs of a constant body the size of a SCIM answer from a no-op JAX-RS resource, 16 clients. */
public class NoopSimulation extends Simulation {
    {
        int clients = Ctx.integer("clients");
        int requests = Ctx.integer("requests");
        int bytes = Ctx.integer("bytes");
        String name = "floor: no-op GET (" + bytes + " B)";
        setUp(scenario("HTTP floor").exec(Sims.bounded(requests,
                        Sims.timed(name, http(name).get("/noop?bytes=" + bytes).check(status().is(200)))))
                .injectOpen(atOnceUsers(clients)))
                .protocols(Sims.floor());
    }
}
