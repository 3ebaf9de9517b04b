package io.roster.audit.control;

import io.roster.audit.entity.MinuteCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Aggregates of the provisioning log, counted by the database: requests per minute by outcome. The query reads a
 * range of the index on {@code (realm_id, logged_at, pk)} and returns at most one row per minute, so a day of
 * heavy traffic is still 1,440 rows. {@code date_trunc('minute', …)} is the same on H2 and PostgreSQL.
 */
@ApplicationScoped
public class LogStatistics {

    private static final String PER_MINUTE = "select date_trunc('minute', logged_at) as minute_start, "
            + "sum(case when status < 400 then 1 else 0 end), "
            + "sum(case when status >= 400 and status < 500 then 1 else 0 end), "
            + "sum(case when status >= 500 then 1 else 0 end) "
            + "from provisioning_log where realm_id = ? and logged_at >= ? and logged_at < ? "
            + "group by date_trunc('minute', logged_at) order by minute_start";

    @PersistenceContext(unitName = "roster")
    EntityManager em;

    /** The minutes of [from, to) that had requests, oldest first; minutes without requests are left out. */
    public List<MinuteCounts> perMinute(String realm, Instant from, Instant to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(PER_MINUTE)
                .setParameter(1, realm)
                .setParameter(2, Timestamp.from(from))
                .setParameter(3, Timestamp.from(to))
                .getResultList();
        List<MinuteCounts> minutes = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            minutes.add(new MinuteCounts(instant(row[0]), count(row[1]), count(row[2]), count(row[3])));
        }
        return minutes;
    }

    /** Timestamps are written from {@link Timestamp#from(Instant)} (this JVM's zone), so read them back so. */
    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof LocalDateTime local) {
            return local.atZone(ZoneId.systemDefault()).toInstant();
        }
        throw new IllegalStateException("Unexpected minute value from the database: " + value);
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
