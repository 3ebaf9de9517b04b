package io.roster.schema.control;

import io.roster.schema.entity.CustomSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** A realm's custom extension schemas in the database (table {@code realm_schema}). */
@ApplicationScoped
public class CustomSchemaStore {

    @PersistenceContext(unitName = "roster")
    EntityManager em;

    /** The realm's schemas, ordered by URN, each usable or with the reason it is not ({@link StoredSchema}). */
    public List<StoredSchema> all(String realm) {
        List<?> rows = em.createNativeQuery("select urn, resource_type, definition, updated_at from realm_schema "
                + "where realm_id = ? order by urn_key").setParameter(1, realm).getResultList();
        return rows.stream().map(Object[].class::cast).map(row -> StoredSchema.of(row[0].toString(),
                row[1] == null ? null : row[1].toString(), String.valueOf(row[2]), instant(row[3]))).toList();
    }

    /** Creates or replaces the schema; true when it was created. */
    @Transactional
    public boolean put(String realm, CustomSchema schema) {
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        int updated = em.createNativeQuery("update realm_schema set urn = ?, resource_type = ?, definition = ?, "
                        + "updated_at = ? where realm_id = ? and urn_key = ?")
                .setParameter(1, schema.urn()).setParameter(2, schema.resourceType())
                .setParameter(3, schema.definition().toString()).setParameter(4, now).setParameter(5, realm)
                .setParameter(6, key(schema.urn())).executeUpdate();
        if (updated > 0) {
            return false;
        }
        em.createNativeQuery("insert into realm_schema (realm_id, urn_key, urn, resource_type, definition, "
                        + "created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, realm).setParameter(2, key(schema.urn())).setParameter(3, schema.urn())
                .setParameter(4, schema.resourceType()).setParameter(5, schema.definition().toString())
                .setParameter(6, now).setParameter(7, now).executeUpdate();
        return true;
    }

    /** @return false if the realm has no such schema */
    @Transactional
    public boolean delete(String realm, String urn) {
        return em.createNativeQuery("delete from realm_schema where realm_id = ? and urn_key = ?")
                .setParameter(1, realm).setParameter(2, key(urn)).executeUpdate() > 0;
    }

    static String key(String urn) {
        return urn.toLowerCase(Locale.ROOT);
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant()
                : value instanceof java.time.LocalDateTime local ? Timestamp.valueOf(local).toInstant()
                : Instant.parse(value.toString());
    }
}
