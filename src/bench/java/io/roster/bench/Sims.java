package io.roster.bench;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.concurrent.atomic.AtomicInteger;

/** What every simulation shares: the HTTP protocol of a SCIM client and the recording of each request. */
final class Sims {

    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private Sims() {
    }

    /**
     * A SCIM client of the server under test. No warm-up request (Gatling's default warm-up goes to the internet)
     * and no HTTP cache (a SCIM client reads fresh state every time).
     */
    static HttpProtocolBuilder scim() {
        return http.baseUrl(Ctx.scimBase)
                .authorizationHeader("Bearer " + Ctx.token)
                .acceptHeader("application/scim+json")
                .contentTypeHeader("application/scim+json; charset=utf-8")
                .userAgentHeader("roster-bench")
                .disableWarmUp()
                .disableCaching();
    }

    static HttpProtocolBuilder floor() {
        return http.baseUrl(Ctx.floorBase)
                .authorizationHeader("Bearer " + Ctx.token)
                .acceptHeader("application/scim+json")
                .contentTypeHeader("application/scim+json; charset=utf-8")
                .userAgentHeader("roster-bench")
                .disableWarmUp()
                .disableCaching();
    }

    /** The request, timed into {@link Timings} under its name (also when it fails); failures still count in Gatling. */
    static ChainBuilder timed(String name, HttpRequestActionBuilder request) {
        return exec(session -> session.set("t0", System.nanoTime()))
                .exec(request)
                .exec(session -> {
                    Timings.record(name, session.getLong("t0"), System.nanoTime(), session.isFailed());
                    return session.markAsSucceeded();
                });
    }

    /** Set when a workload was stopped by its time limit before it sent all its requests. */
    static volatile boolean stoppedByTimeLimit;

    /**
     * Runs the chain {@code total} times across all virtual users together, but stops starting new iterations
     * once the workload's time limit ({@code maxSeconds}) has passed, so that a pathologically slow server
     * cannot hold the benchmark hostage; the report says so when that happened.
     */
    static ChainBuilder bounded(int total, ChainBuilder chain) {
        AtomicInteger remaining = new AtomicInteger(total);
        long deadline = System.nanoTime() + Ctx.integer("maxSeconds") * 1_000_000_000L;
        stoppedByTimeLimit = false;
        return asLongAs(session -> {
            if (System.nanoTime() > deadline) {
                stoppedByTimeLimit = stoppedByTimeLimit || remaining.get() > 0;
                return false;
            }
            return remaining.getAndDecrement() > 0;
        }).on(chain);
    }

    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
