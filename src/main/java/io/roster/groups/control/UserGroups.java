package io.roster.groups.control;

import io.roster.protocol.control.JsonP;
import io.roster.search.control.JoinedColumns;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The read-only {@code groups} attribute of users (RFC 7643 §4.1.2), computed from memberships: one query for
 * any number of users, so a page of users costs one query, not one per user; or, for a user found by a lookup,
 * no query of its own ({@link #JOINED}).
 */
@ApplicationScoped
public class UserGroups {

    /**
     * The user's groups as columns of the lookup that finds the user ({@code r}): a row per group, ordered by
     * display name, and one with nulls for a user without groups.
     */
    public static final JoinedColumns JOINED = new JoinedColumns(
            "left join Membership m on m.userPk = r.pk left join m.group g", "r.pk, g.id, g.displayName",
            "g.displayNameKey");

    @PersistenceContext(unitName = "roster")
    EntityManager em;

    /**
     * @param userPks   the internal keys of the users
     * @param groupsUrl the URL of the Groups endpoint, ending in "/"
     * @return each user's groups ({@code value}, {@code display}, {@code $ref}, {@code type} "direct"); users
     *         without groups are absent
     */
    public Map<Long, JsonArray> of(Collection<Long> userPks, String groupsUrl) {
        if (userPks.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = em.createQuery("select m.userPk, g.id, g.displayName from Membership m "
                        + "join m.group g where m.userPk in :users order by m.userPk, g.displayNameKey", Object[].class)
                .setParameter("users", List.copyOf(userPks))
                .getResultList();
        return groups(rows, 0, groupsUrl);
    }

    /**
     * @param joinedRows the rows of a lookup with {@link #JOINED}: {@code {user, user's key, group id, display name}}
     * @return as {@link #of(Collection, String)}
     */
    public static Map<Long, JsonArray> ofJoined(List<Object[]> joinedRows, String groupsUrl) {
        return groups(joinedRows, 1, groupsUrl);
    }

    /**
     * Rows with {@code user's key, group id, display name} from the column {@code first} on, a user's in display-name
     * order; a null id is no group.
     */
    private static Map<Long, JsonArray> groups(List<Object[]> rows, int first, String groupsUrl) {
        Map<Long, JsonArrayBuilder> groups = new HashMap<>();
        for (Object[] row : rows) {
            String id = (String) row[first + 1];
            if (id == null) {
                continue;
            }
            groups.computeIfAbsent(((Number) row[first]).longValue(), pk -> JsonP.createArrayBuilder())
                    .add(JsonP.createObjectBuilder()
                            .add("value", id)
                            .add("display", (String) row[first + 2])
                            .add("$ref", groupsUrl + id)
                            .add("type", "direct"));
        }
        Map<Long, JsonArray> result = new HashMap<>();
        groups.forEach((pk, array) -> result.put(pk, array.build()));
        return result;
    }
}
