package io.roster.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sizes of one benchmark run. {@code full} is what BENCHMARKS.md reports; {@code smoke} runs every workload
 * with a few hundred requests (CI). Any size can be overridden with {@code -Dbench.<name>=<value>}.
 */
final class Scale {

    final Map<String, Integer> sizes = new LinkedHashMap<>();

    Scale(String name) {
        switch (name) {
            case "full" -> {
                put("clients", 16);
                put("create.users", 10_000);
                put("create.passwordUsers", 400);
                put("floor.noopRequests", 100_000);
                put("floor.jdbcUsers", 10_000);
                put("import.users", 100_000);
                put("import.count", 100);
                put("group.members", 100_000);
                put("group.batch", 1_000);
                put("group.extra", 10_000);
                put("population", 1_000_000);
                put("lookup.requests", 40_000);
                put("lookup.singleClientRequests", 3_000);
                put("groupRead.requests", 8_000);
                put("groupRead.fullReads", 5);
                put("mixed.rate", 20);
                put("mixed.seconds", 300);
                put("load.batch", 1_000);
                put("workload.maxSeconds", 180);
                put("warmup.requests", 20_000);
                put("warmup.readRounds", 15);
                put("warmup.writes", 5_000);
                put("warmup.writeRounds", 8);
            }
            case "smoke" -> {
                put("clients", 16);
                put("create.users", 320);
                put("create.passwordUsers", 16);
                put("floor.noopRequests", 800);
                put("floor.jdbcUsers", 500);
                put("import.users", 300);
                put("import.count", 100);
                put("group.members", 200);
                put("group.batch", 50);
                put("group.extra", 100);
                put("population", 300);
                put("lookup.requests", 320);
                put("lookup.singleClientRequests", 50);
                put("groupRead.requests", 160);
                put("groupRead.fullReads", 2);
                put("mixed.rate", 10);
                put("mixed.seconds", 10);
                put("load.batch", 500);
                put("workload.maxSeconds", 15);
                put("warmup.requests", 200);
                put("warmup.readRounds", 2);
                put("warmup.writes", 50);
                put("warmup.writeRounds", 2);
            }
            default -> throw new IllegalArgumentException("bench.scale must be full or smoke, not " + name);
        }
        sizes.replaceAll((key, value) -> Integer.getInteger("bench." + key, value));
    }

    private void put(String key, int value) {
        sizes.put(key, value);
    }

    int get(String key) {
        Integer value = sizes.get(key);
        if (value == null) {
            throw new IllegalArgumentException(key);
        }
        return value;
    }

    /** The population the import and group push run on: the imported users and the users added last. */
    int firstStage() {
        return Math.max(get("import.users"), get("group.members") + get("group.extra"));
    }
}
