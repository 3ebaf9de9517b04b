package io.roster.audit.entity;

import java.time.Instant;

/**
 * The SCIM requests of one realm in one minute by outcome: {@code success} below 400 (2xx, and the 304 of a
 * conditional GET), {@code clientErrors} 4xx, {@code serverErrors} 5xx.
 */
public record MinuteCounts(Instant minute, long success, long clientErrors, long serverErrors) {

    public long requests() {
        return success + clientErrors + serverErrors;
    }
}
