package io.roster.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;

/** Workload 3: Okta's import, one client paging through {@code users} users with {@code count}=100. */
public class ImportSimulation extends Simulation {
    {
        int users = Ctx.integer("users");
        int count = Ctx.integer("count");
        String name = "import: GET /Users?startIndex=…&count=" + count;
        setUp(scenario("Okta import").exec(repeat(users / count, "page").on(
                        Sims.timed(name, http(name).get(s -> "/Users?startIndex=" + (s.getInt("page") * count + 1)
                                        + "&count=" + count)
                                .check(status().is(200), jsonPath("$.Resources[*].id").count().is(count)))))
                .injectOpen(atOnceUsers(1)))
                .protocols(Sims.scim());
    }
}
