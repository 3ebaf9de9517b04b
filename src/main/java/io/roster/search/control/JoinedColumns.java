package io.roster.search.control;

/**
 * Columns of other tables that a search reads together with a resource it finds by an equality on a unique column
 * (a lookup), in the same query: a left join from the resource, aliased {@code r}. A user's groups come this way
 * with Okta's and Entra's {@code userName eq} lookup, so that the lookup is one statement, not two.
 *
 * @param join    the JPQL joins, e.g. {@code left join Membership m on m.userPk = r.pk left join m.group g}
 * @param columns the columns selected after the resource, e.g. {@code r.pk, g.id, g.displayName}
 * @param orderBy the order of a resource's joined rows, e.g. {@code g.displayNameKey}
 */
public record JoinedColumns(String join, String columns, String orderBy) {

    /**
     * {@code select r, <columns> from <entity> r <join> where <condition> order by <orderBy>}: the resource once per
     * joined row, in their order, and once with nulls when it has none.
     */
    public String jpql(String entityName, String condition) {
        return "select r, " + columns + " from " + entityName + " r " + join + " where " + condition + " order by "
                + orderBy;
    }
}
