package io.roster.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongFunction;

/**
 * Workload 2: equality lookups of random existing users ({@code kind}: userName, externalId or the work email),
 * each finding exactly one user, by concurrent clients.
 */
public class LookupSimulation extends Simulation {
    {
        int clients = Ctx.integer("clients");
        int requests = Ctx.integer("requests");
        String kind = Ctx.string("kind");
        Population population = Ctx.population;
        int size = population.size();
        LongFunction<String> filter = switch (kind) {
            case "userName" -> i -> "userName eq " + Sims.quote(population.userName(i));
            case "externalId" -> i -> "externalId eq " + Sims.quote(population.externalId(i));
            case "email" -> i -> "emails[type eq \"work\"].value eq " + Sims.quote(population.workEmail(i));
            default -> throw new IllegalArgumentException(kind);
        };
        String name = switch (kind) {
            case "userName" -> "lookup: userName eq";
            case "externalId" -> "lookup: externalId eq";
            default -> "lookup: emails[type eq \"work\"].value eq";
        };
        setUp(scenario(name).exec(Sims.bounded(requests,
                        exec(session -> session.set("i", ThreadLocalRandom.current().nextInt(size)))
                                .exec(Sims.timed(name, http(name).get("/Users")
                                        .queryParam("filter", s -> filter.apply(s.getInt("i")))
                                        .check(status().is(200), jsonPath("$.totalResults").ofInt().is(1))))))
                .injectOpen(atOnceUsers(clients)))
                .protocols(Sims.scim());
    }
}
