package io.roster.groups.control;

import io.roster.protocol.control.JsonP;

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
 * any number of users, so a page of users costs one query, not one per user.
 */
@ApplicationScoped
public class UserGroups {

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
        Map<Long, JsonArrayBuilder> groups = new HashMap<>();
        for (Object[] row : rows) {
            String id = (String) row[1];
            groups.computeIfAbsent(((Number) row[0]).longValue(), pk -> JsonP.createArrayBuilder())
                    .add(JsonP.createObjectBuilder()
                            .add("value", id)
                            .add("display", (String) row[2])
                            .add("$ref", groupsUrl + id)
                            .add("type", "direct"));
        }
        Map<Long, JsonArray> result = new HashMap<>();
        groups.forEach((pk, array) -> result.put(pk, array.build()));
        return result;
    }
}
