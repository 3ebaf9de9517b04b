package io.roster.groups.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;

/** Reads the members of groups for their representation; see {@link MemberCursor}. */
@ApplicationScoped
public class GroupMembers {

    @PersistenceContext(unitName = "roster")
    EntityManager em;

    /**
     * A cursor over the members of these groups. It reads lazily, so it can be used while the response is
     * written, after the transaction that found the groups has ended.
     */
    public MemberCursor of(Collection<Long> groupPks) {
        return new MemberCursor(em, groupPks);
    }
}
