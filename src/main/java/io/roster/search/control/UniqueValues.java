package io.roster.search.control;

import io.roster.protocol.entity.ScimException;
import io.roster.schema.entity.Attribute;
import io.roster.schema.entity.ResourceType;
import io.roster.schema.entity.Schema;
import io.roster.schema.entity.Uniqueness;
import io.roster.search.entity.IndexedValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "server" uniqueness of custom extension attributes (RFC 7643 §7): no other resource of the same type in the realm
 * holds the value (compared as the attribute's caseExact says). Writes that carry such values take a lock on the
 * realm's row first, so two concurrent writes of one value run one after the other and the second gets the 409;
 * writes of realms without unique custom attributes take no lock.
 */
@ApplicationScoped
public class UniqueValues {

    /** The resource tables: users and groups, with their searchable-value tables. */
    public enum Owner {
        USER("scim_user", "scim_user_value", "user_pk"), GROUP("scim_group", "scim_group_value", "group_pk");

        private final String table;
        final String valueTable;
        final String ownerColumn;

        Owner(String table, String valueTable, String ownerColumn) {
            this.table = table;
            this.valueTable = valueTable;
            this.ownerColumn = ownerColumn;
        }
    }

    @PersistenceContext(unitName = "roster")
    EntityManager em;

    /**
     * @param values the searchable values of the resource as it is about to be written
     * @param self   the resource's own key (it may keep its values), or null for a new resource
     */
    public void check(String realm, ResourceType type, Owner owner, List<IndexedValue> values, Long self) {
        Map<String, Attribute> unique = uniqueAttributes(type);
        if (unique.isEmpty()) {
            return;
        }
        List<IndexedValue> toCheck = values.stream().filter(v -> unique.containsKey(v.path())).toList();
        if (toCheck.isEmpty()) {
            return;
        }
        em.createNativeQuery("select id from realm where id = ? for update").setParameter(1, realm)
                .setFlushMode(FlushModeType.COMMIT).getResultList();
        for (IndexedValue value : toCheck) {
            if (taken(realm, owner, value, unique.get(value.path()), self)) {
                throw ScimException.uniqueness("'" + displayPath(type, value.path()) + "' must be unique and \""
                        + shown(value) + "\" is already taken");
            }
        }
    }

    private boolean taken(String realm, Owner owner, IndexedValue value, Attribute attribute, Long self) {
        StringBuilder sql = new StringBuilder("select count(*) from ").append(owner.table).append(" o join ")
                .append(owner.valueTable).append(" v on v.").append(owner.ownerColumn)
                .append(" = o.pk where o.realm_id = ? and v.path = ? and o.pk <> ? and ");
        Object compared;
        if (value.text() != null) {
            String key = IndexedValue.key(value.text());
            sql.append("v.text_prefix = ? and ").append(attribute.caseExact() ? "v.text_value = ?" : "v.text_key = ?");
            compared = attribute.caseExact() ? value.text() : key;
            Query query = query(sql, realm, value.path(), self).setParameter(4, IndexedValue.prefix(key))
                    .setParameter(5, compared);
            return count(query) > 0;
        }
        if (value.number() != null) {
            sql.append("v.number_value = ?");
            compared = value.number();
        } else if (value.time() != null) {
            sql.append("v.time_value = ?");
            compared = Timestamp.from(value.time());
        } else {
            return false;
        }
        return count(query(sql, realm, value.path(), self).setParameter(4, compared)) > 0;
    }

    private Query query(StringBuilder sql, String realm, String path, Long self) {
        return em.createNativeQuery(sql.toString()).setFlushMode(FlushModeType.COMMIT).setParameter(1, realm)
                .setParameter(2, path).setParameter(3, self == null ? -1L : self);
    }

    private static long count(Query query) {
        return ((Number) query.getSingleResult()).longValue();
    }

    /** Lower-case value paths of the unique attributes of the type's custom extensions. */
    private static Map<String, Attribute> uniqueAttributes(ResourceType type) {
        Map<String, Attribute> unique = new HashMap<>();
        for (Schema extension : type.extensions()) {
            for (Attribute attribute : extension.attributes()) {
                if (attribute.uniqueness() == Uniqueness.SERVER) {
                    unique.put(lower(extension.id()) + ":" + lower(attribute.name()), attribute);
                }
            }
        }
        return unique;
    }

    private static String displayPath(ResourceType type, String path) {
        for (Schema extension : type.extensions()) {
            for (Attribute attribute : extension.attributes()) {
                if ((lower(extension.id()) + ":" + lower(attribute.name())).equals(path)) {
                    return extension.id() + ":" + attribute.name();
                }
            }
        }
        return path;
    }

    private static String shown(IndexedValue value) {
        Object shown = value.text() != null ? value.text() : value.number() != null ? value.number().toPlainString()
                : value.time();
        String text = String.valueOf(shown);
        return text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
