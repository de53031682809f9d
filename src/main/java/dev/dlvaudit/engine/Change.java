package dev.dlvaudit.engine;

import dev.dlvaudit.api.Status;
import java.util.Locale;

/** How a result differs from the baseline run's result with the same check id, target and subject. */
public enum Change {
    /** Not in the baseline. */
    NEW,
    /** Worse than in the baseline (e.g. PASS → WARN, WARN → FAIL). */
    REGRESSED,
    /** Better than in the baseline but not passing yet (e.g. FAIL → WARN). */
    IMPROVED,
    /** WARN, FAIL or ERROR in the baseline, PASS or INFO now. */
    FIXED,
    /** The same level as in the baseline. */
    UNCHANGED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** 0 for anything that does not need attention, 1 WARN, 2 FAIL or ERROR. */
    static int badness(Status s) {
        switch (s) {
            case WARN: return 1;
            case FAIL: case ERROR: return 2;
            default: return 0;
        }
    }

    static Change between(Status before, Status now) {
        int b = badness(before);
        int n = badness(now);
        if (n > b) {
            return REGRESSED;
        }
        if (b > 0 && n == 0 && (now == Status.PASS || now == Status.INFO)) {
            return FIXED;
        }
        if (n < b) {
            return IMPROVED;
        }
        return UNCHANGED;
    }
}
