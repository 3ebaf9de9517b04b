package io.roster.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the benchmark hands to the Gatling simulations it runs in its own JVM: the SCIM base URL and token, the
 * population, and the parameters of the workload about to run.
 */
final class Ctx {

    static volatile String scimBase;
    static volatile String floorBase;
    static volatile String token;
    static volatile Population population;
    static final Map<String, Object> PARAMETERS = new ConcurrentHashMap<>();

    private Ctx() {
    }

    static int integer(String name) {
        Object value = PARAMETERS.get(name);
        if (value == null) {
            throw new IllegalStateException("workload parameter " + name + " not set");
        }
        return ((Number) value).intValue();
    }

    static String string(String name) {
        Object value = PARAMETERS.get(name);
        if (value == null) {
            throw new IllegalStateException("workload parameter " + name + " not set");
        }
        return value.toString();
    }

    static boolean flag(String name) {
        return Boolean.TRUE.equals(PARAMETERS.get(name));
    }
}
