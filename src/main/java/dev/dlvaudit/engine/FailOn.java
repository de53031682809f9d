package dev.dlvaudit.engine;

import dev.dlvaudit.api.Status;
import java.util.Collection;

/** The gate: which states make the run exit 1. WAIVED, SKIP, INFO and PASS never trip it. */
public enum FailOn {
    WARN, FAIL, NEVER;

    public boolean trips(Status status) {
        switch (this) {
            case NEVER: return false;
            case FAIL: return status == Status.FAIL || status == Status.ERROR;
            case WARN: return status == Status.FAIL || status == Status.ERROR || status == Status.WARN;
            default: throw new AssertionError(this);
        }
    }

    public boolean trips(Collection<Result> results) {
        return results.stream().anyMatch(r -> trips(r.status()));
    }
}
