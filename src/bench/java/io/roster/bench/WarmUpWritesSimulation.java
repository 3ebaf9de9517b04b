package io.roster.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A round of the warm-up, not measured: Okta's create sequence as workload 1 sends it (lookup, then POST) and a
 * DELETE of the user, so the population stays as it was. It runs through Gatling, so that the load generator's own
 * create path is compiled before workload 1 too, not only the server's. Failed iterations are counted in
 * {@link #FAILED}.
 */
public class WarmUpWritesSimulation extends Simulation {

    static final AtomicInteger FAILED = new AtomicInteger();

    {
        int clients = Ctx.integer("clients");
        int count = Ctx.integer("count");
        int first = Ctx.integer("first");
        Population throwaway = new Population(Ctx.string("prefix"));
        AtomicInteger next = new AtomicInteger(first);
        setUp(scenario("warm-up writes").exec(Sims.bounded(count,
                        exec(session -> session.set("i", next.getAndIncrement()))
                                .exec(http("lookup").get("/Users")
                                        .queryParam("filter", s -> "userName eq "
                                                + Sims.quote(throwaway.userName(s.getInt("i"))))
                                        .check(status().is(200), jsonPath("$.totalResults").ofInt().is(0)))
                                .exec(http("create").post("/Users")
                                        .body(StringBody(s -> throwaway.userJson(s.getInt("i"), false)))
                                        .check(status().is(201), jsonPath("$.id").saveAs("id")))
                                .doIf(session -> session.contains("id")).then(
                                        exec(http("delete").delete(s -> "/Users/" + s.getString("id"))
                                                .check(status().is(204))))
                                .exec(session -> {
                                    if (session.isFailed()) {
                                        FAILED.incrementAndGet();
                                    }
                                    return session.remove("id").markAsSucceeded();
                                })))
                .injectOpen(atOnceUsers(clients)))
                .protocols(Sims.scim());
    }
}
