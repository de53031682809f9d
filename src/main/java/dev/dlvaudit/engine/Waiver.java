package dev.dlvaudit.engine;

import java.time.LocalDate;

/**
 * An accepted exception to a check: who owns it, why, and until when.
 *
 * @param target the database label it is limited to, or null for every target
 * @param waivedStatus the state the result had before the waiver
 */
public record Waiver(String checkId, String reason, String owner, LocalDate expires, String target,
                     dev.dlvaudit.api.Status waivedStatus) {

    public boolean expiredOn(LocalDate today) {
        return expires != null && today.isAfter(expires);
    }

    public Waiver appliedTo(dev.dlvaudit.api.Status status) {
        return new Waiver(checkId, reason, owner, expires, target, status);
    }
}
