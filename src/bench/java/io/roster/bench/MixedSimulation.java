package io.roster.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Workload 6: Okta's everyday traffic at a steady arrival rate ({@code rate} operations a second, open model, for
 * {@code seconds}): a quarter each of creates (filter lookup, POST), profile updates (GET, PUT), deactivations
 * (PATCH active false) and group membership changes (PATCH add or remove one member of a group).
 */
public class MixedSimulation extends Simulation {
    {
        int rate = Ctx.integer("rate");
        int seconds = Ctx.integer("seconds");
        String group = Ctx.string("groupId");
        Population population = Ctx.population;
        Population created = new Population(Ctx.string("prefix"));
        int size = population.size();
        AtomicInteger next = new AtomicInteger();

        String lookup = "mixed: create, GET filter userName eq";
        String post = "mixed: create, POST /Users";
        ChainBuilder create = exec(session -> session.set("i", next.getAndIncrement()))
                .exec(Sims.timed(lookup, http(lookup).get("/Users")
                        .queryParam("filter", s -> "userName eq " + Sims.quote(created.userName(s.getInt("i"))))
                        .check(status().is(200))))
                .exec(Sims.timed(post, http(post).post("/Users")
                        .body(StringBody(s -> created.userJson(s.getInt("i"), true)))
                        .check(status().is(201))));

        String get = "mixed: update, GET /Users/{id}";
        String put = "mixed: update, PUT /Users/{id}";
        ChainBuilder update = exec(session -> session.set("u", ThreadLocalRandom.current().nextInt(size)))
                .exec(Sims.timed(get, http(get).get(s -> "/Users/" + population.id(s.getInt("u")))
                        .check(status().is(200), jsonPath("$.id").exists())))
                .exec(Sims.timed(put, http(put).put(s -> "/Users/" + population.id(s.getInt("u")))
                        .body(StringBody(s -> population.userJson(s.getInt("u"), false,
                                " " + ThreadLocalRandom.current().nextInt(1000))))
                        .check(status().is(200))));

        String deactivate = "mixed: deactivate, PATCH active false";
        ChainBuilder deactivation = exec(session -> session.set("u", ThreadLocalRandom.current().nextInt(size)))
                .exec(Sims.timed(deactivate, http(deactivate).patch(s -> "/Users/" + population.id(s.getInt("u")))
                        .body(StringBody("{\"schemas\":[\"" + Sims.PATCH_OP + "\"],\"Operations\":[{\"op\":"
                                + "\"replace\",\"value\":{\"active\":false}}]}"))
                        .check(status().in(200, 204))));

        String membership = "mixed: membership, PATCH group add/remove 1";
        ChainBuilder member = exec(session -> session.set("u", ThreadLocalRandom.current().nextInt(size)))
                .exec(Sims.timed(membership, http(membership).patch("/Groups/" + group)
                        .body(StringBody(s -> {
                            String id = population.id(s.getInt("u"));
                            return ThreadLocalRandom.current().nextBoolean()
                                    ? "{\"schemas\":[\"" + Sims.PATCH_OP + "\"],\"Operations\":[{\"op\":\"add\","
                                            + "\"path\":\"members\",\"value\":[{\"value\":\"" + id + "\"}]}]}"
                                    : "{\"schemas\":[\"" + Sims.PATCH_OP + "\"],\"Operations\":[{\"op\":\"remove\","
                                            + "\"path\":\"members[value eq \\\"" + id + "\\\"]\"}]}";
                        }))
                        .check(status().in(200, 204))));

        setUp(scenario("Okta mixed traffic").exec(randomSwitch().on(
                        percent(25).then(create), percent(25).then(update),
                        percent(25).then(deactivation), percent(25).then(member)))
                .injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(seconds))))
                .protocols(Sims.scim().shareConnections());
    }
}
