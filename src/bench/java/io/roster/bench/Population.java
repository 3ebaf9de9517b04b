package io.roster.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * The benchmark's users, user number i in [0, size): what Okta sends for them on create (userName, name, work
 * email, displayName, locale, externalId, password, title and department), and the ids the server gave them.
 * userName {@code <prefix>-user-<i>@bench.example}, externalId {@code <prefix>-ext-<i>}, work email
 * {@code <prefix>-mail-<i>@work.bench.example}.
 */
final class Population {

    private static final String[] GIVEN = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken"};
    private static final String[] FAMILY = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen",
            "Thompson"};
    private static final String[] DEPARTMENTS = {"Engineering", "Sales", "Finance", "Support", "Marketing"};

    private final String prefix;
    private String[] ids = new String[0];
    private int size;

    Population(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }

    synchronized int size() {
        return size;
    }

    String userName(long i) {
        return prefix + "-user-" + i + "@bench.example";
    }

    String externalId(long i) {
        return prefix + "-ext-" + i;
    }

    String workEmail(long i) {
        return prefix + "-mail-" + i + "@work.bench.example";
    }

    /** The id the SQL loader gives user i (the API loader records the server's instead). */
    String sqlId(long i) {
        return UUID.nameUUIDFromBytes(userName(i).getBytes(StandardCharsets.UTF_8)).toString();
    }

    synchronized String id(int i) {
        if (i >= size || ids[i] == null) {
            throw new IllegalStateException("user " + i + " has no id (population size " + size + ")");
        }
        return ids[i];
    }

    synchronized void setId(int i, String id) {
        if (i >= ids.length) {
            ids = Arrays.copyOf(ids, Math.max(i + 1, ids.length * 2));
        }
        ids[i] = id;
    }

    synchronized void grownTo(int newSize) {
        if (newSize > ids.length) {
            ids = Arrays.copyOf(ids, newSize);
        }
        size = newSize;
    }

    /** The user as Okta sends it on create (and, without the password, on a PUT profile update). */
    String userJson(long i, boolean withPassword, String titleSuffix) {
        String given = GIVEN[(int) (i % GIVEN.length)];
        String family = FAMILY[(int) ((i / GIVEN.length) % FAMILY.length)];
        StringBuilder json = new StringBuilder(640)
                .append("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",")
                .append("\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"],")
                .append("\"userName\":\"").append(userName(i)).append("\",")
                .append("\"name\":{\"givenName\":\"").append(given).append("\",\"familyName\":\"").append(family)
                .append("\"},")
                .append("\"emails\":[{\"primary\":true,\"value\":\"").append(workEmail(i))
                .append("\",\"type\":\"work\"}],")
                .append("\"displayName\":\"").append(given).append(' ').append(family).append(' ').append(i)
                .append("\",")
                .append("\"locale\":\"en-US\",")
                .append("\"externalId\":\"").append(externalId(i)).append("\",")
                .append("\"title\":\"Engineer").append(titleSuffix).append("\",")
                .append("\"groups\":[],");
        if (withPassword) {
            json.append("\"password\":\"Bench-").append(Long.toHexString(i * 2654435761L)).append("!x\",");
        }
        return json.append("\"active\":true,")
                .append("\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"")
                .append(DEPARTMENTS[(int) (i % DEPARTMENTS.length)]).append("\",\"employeeNumber\":\"")
                .append(i).append("\"}}")
                .toString();
    }

    String userJson(long i, boolean withPassword) {
        return userJson(i, withPassword, "");
    }
}
