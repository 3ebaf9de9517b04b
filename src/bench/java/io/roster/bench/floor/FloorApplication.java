package io.roster.bench.floor;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The HTTP floor: a separate WAR ({@code floor.war}, context {@code /floor}) that the benchmark deploys next to
 * Roster on the same Payara Micro, so that its requests pay exactly what every request pays there (HTTP, Grizzly,
 * the servlet container, Jersey) and nothing of Roster (no authentication, no database, no JSON processing). It
 * is built from these classes by the benchmark at run time and is never part of roster.war.
 */
@ApplicationPath("/")
public class FloorApplication extends Application {
}
