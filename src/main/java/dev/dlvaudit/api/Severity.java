package dev.dlvaudit.api;

/**
 * How serious a violation of a check is: the state its findings are reported with at worst.
 * A policy can lower or raise it per check; FAIL and WARN findings are then reported at
 * the policy's level, and INFO turns them into facts without a verdict.
 */
public enum Severity {
    INFO, WARN, FAIL;

    public Status asStatus() {
        switch (this) {
            case INFO: return Status.INFO;
            case WARN: return Status.WARN;
            default: return Status.FAIL;
        }
    }
}
