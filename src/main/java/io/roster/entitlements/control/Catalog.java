package io.roster.entitlements.control;

import io.roster.entitlements.entity.CatalogEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A realm's catalog of roles and entitlements (table {@code realm_role}, {@code realm_entitlement}). */
@ApplicationScoped
public class Catalog {

    @PersistenceContext(unitName = "roster")
    EntityManager em;

    public List<CatalogEntry> roles(String realm) {
        return rows(em.createNativeQuery("select null, id, display_name, description, is_default from realm_role "
                + "where realm_id = ? order by id").setParameter(1, realm).getResultList());
    }

    public Optional<CatalogEntry> role(String realm, String id) {
        return rows(em.createNativeQuery("select null, id, display_name, description, is_default from realm_role "
                + "where realm_id = ? and id = ?").setParameter(1, realm).setParameter(2, id).getResultList())
                .stream().findFirst();
    }


    /** Entitlements of one type, or of every type (by type, then id) if {@code type} is null. */
    public List<CatalogEntry> entitlements(String realm, String type) {
        String select = "select type, id, display_name, description, false from realm_entitlement where realm_id = ?";
        return type == null
                ? rows(em.createNativeQuery(select + " order by type, id").setParameter(1, realm).getResultList())
                : rows(em.createNativeQuery(select + " and type = ? order by id").setParameter(1, realm)
                        .setParameter(2, type).getResultList());
    }

    public List<String> entitlementTypes(String realm) {
        List<?> types = em.createNativeQuery("select distinct type from realm_entitlement where realm_id = ? "
                + "order by type").setParameter(1, realm).getResultList();
        return types.stream().map(String::valueOf).toList();
    }

    /** Creates or replaces a role; a default role takes the place of the realm's previous default. */
    @Transactional
    public void putRole(String realm, CatalogEntry role) {
        if (role.isDefault()) {
            em.createNativeQuery("update realm_role set is_default = false where realm_id = ? and id <> ?")
                    .setParameter(1, realm).setParameter(2, role.id()).executeUpdate();
        }
        int updated = em.createNativeQuery("update realm_role set display_name = ?, description = ?, is_default = ? "
                + "where realm_id = ? and id = ?").setParameter(1, role.displayName())
                .setParameter(2, role.description()).setParameter(3, role.isDefault()).setParameter(4, realm)
                .setParameter(5, role.id()).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into realm_role (realm_id, id, display_name, description, is_default, "
                    + "created_at) values (?, ?, ?, ?, ?, ?)").setParameter(1, realm).setParameter(2, role.id())
                    .setParameter(3, role.displayName()).setParameter(4, role.description())
                    .setParameter(5, role.isDefault()).setParameter(6, Timestamp.from(Instant.now())).executeUpdate();
        }
    }

    @Transactional
    public void putEntitlement(String realm, CatalogEntry entitlement) {
        int updated = em.createNativeQuery("update realm_entitlement set display_name = ?, description = ? "
                + "where realm_id = ? and type = ? and id = ?").setParameter(1, entitlement.displayName())
                .setParameter(2, entitlement.description()).setParameter(3, realm).setParameter(4, entitlement.type())
                .setParameter(5, entitlement.id()).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into realm_entitlement (realm_id, type, id, display_name, description, "
                    + "created_at) values (?, ?, ?, ?, ?, ?)").setParameter(1, realm).setParameter(2, entitlement.type())
                    .setParameter(3, entitlement.id()).setParameter(4, entitlement.displayName())
                    .setParameter(5, entitlement.description()).setParameter(6, Timestamp.from(Instant.now()))
                    .executeUpdate();
        }
    }

    /** @return false if there was no such role */
    @Transactional
    public boolean deleteRole(String realm, String id) {
        return em.createNativeQuery("delete from realm_role where realm_id = ? and id = ?")
                .setParameter(1, realm).setParameter(2, id).executeUpdate() > 0;
    }

    /** @return false if there was no such entitlement */
    @Transactional
    public boolean deleteEntitlement(String realm, String type, String id) {
        return em.createNativeQuery("delete from realm_entitlement where realm_id = ? and type = ? and id = ?")
                .setParameter(1, realm).setParameter(2, type).setParameter(3, id).executeUpdate() > 0;
    }

    private static List<CatalogEntry> rows(List<?> rows) {
        return rows.stream().map(Object[].class::cast).map(r -> new CatalogEntry(
                r[0] == null ? null : r[0].toString(), r[1].toString(), r[2].toString(),
                r[3] == null ? null : r[3].toString(), Boolean.TRUE.equals(r[4]) || "true".equals(String.valueOf(r[4]))))
                .toList();
    }
}
