package io.roster.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;

/**
 * Workload 4: Okta's Group Push of a large group, one client: add users [0, members) to the group in PATCHes of
 * {@code batch}; remove every tenth of them by {@code members[value eq "…"]}, {@code batch} operations a PATCH;
 * then add {@code batch}-member PATCHes of users [members, members + extra) to the group, now of 90% of
 * {@code members}, which is the "add 1,000 members to a 100k-member group" figure.
 */
public class GroupPushSimulation extends Simulation {
    {
        String group = Ctx.string("groupId");
        int members = Ctx.integer("members");
        int batch = Ctx.integer("batch");
        int extra = Ctx.integer("extra");
        Population population = Ctx.population;
        String add = "group push: PATCH add " + batch + " members";
        String remove = "group push: PATCH remove " + Math.max(1, Math.min(batch, members / 10))
                + " members by members[value eq]";
        String addLarge = "group push: PATCH add " + batch + " members to the " + (members * 9 / 10) + "+ group";
        int removed = members / 10;
        int removeBatch = Math.max(1, Math.min(batch, removed));
        setUp(scenario("Okta group push").exec(
                        repeat(members / batch, "k").on(Sims.timed(add, http(add).patch("/Groups/" + group)
                                .body(StringBody(s -> addBody(population, s.getInt("k") * batch, batch)))
                                .check(status().in(200, 204)))),
                        repeat(removed / removeBatch, "k").on(Sims.timed(remove, http(remove).patch("/Groups/" + group)
                                .body(StringBody(s -> removeBody(population, s.getInt("k") * removeBatch * 10,
                                        removeBatch)))
                                .check(status().in(200, 204)))),
                        repeat(extra / batch, "k").on(Sims.timed(addLarge, http(addLarge).patch("/Groups/" + group)
                                .body(StringBody(s -> addBody(population, members + s.getInt("k") * batch, batch)))
                                .check(status().in(200, 204)))))
                .injectOpen(atOnceUsers(1)))
                .protocols(Sims.scim());
    }

    /** Okta's form: one add operation with the users as its value. */
    static String addBody(Population population, int from, int count) {
        StringBuilder body = new StringBuilder(count * 60 + 200)
                .append("{\"schemas\":[\"").append(Sims.PATCH_OP).append("\"],\"Operations\":[{\"op\":\"add\",")
                .append("\"path\":\"members\",\"value\":[");
        for (int i = from; i < from + count; i++) {
            body.append(i == from ? "" : ",").append("{\"value\":\"").append(population.id(i)).append("\"}");
        }
        return body.append("]}]}").toString();
    }

    /** Okta's form: one remove operation per user, by value filter; users from, from + 10, from + 20, … */
    static String removeBody(Population population, int from, int count) {
        StringBuilder body = new StringBuilder(count * 80 + 100)
                .append("{\"schemas\":[\"").append(Sims.PATCH_OP).append("\"],\"Operations\":[");
        for (int n = 0; n < count; n++) {
            body.append(n == 0 ? "" : ",").append("{\"op\":\"remove\",\"path\":\"members[value eq \\\"")
                    .append(population.id(from + n * 10)).append("\\\"]\"}");
        }
        return body.append("]}").toString();
    }
}
