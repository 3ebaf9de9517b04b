package io.roster.audit.control;

import io.roster.audit.entity.LogEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** Writes a batch of provisioning-log entries in a transaction of its own (EclipseLink batches the inserts). */
@ApplicationScoped
public class LogWriter {

    @PersistenceContext(unitName = "roster")
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void write(List<LogEntry> entries) {
        entries.forEach(em::persist);
    }
}
