package dev.dlvaudit.engine;

import dev.dlvaudit.api.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one run of the checks produced, with what explains it: the tool's version, the host,
 * when it ran, the environment facts and the targets. Every report is a view of this.
 *
 * @param failOn the gate this run was judged by
 * @param environment ordered environment facts (name → value or nested map/list), for the report's top
 * @param comparison this run against a baseline run, or null without {@code --baseline}
 */
public record AuditRun(String toolVersion, String hostname, Instant started, Duration duration,
                       Map<String, Object> environment, List<String> targets, List<Result> results,
                       FailOn failOn, Comparison comparison) {

    public AuditRun(String toolVersion, String hostname, Instant started, Duration duration,
                    Map<String, Object> environment, List<String> targets, List<Result> results, FailOn failOn) {
        this(toolVersion, hostname, started, duration, environment, targets, results, failOn, null);
    }

    /** This run compared with a baseline run. */
    public AuditRun comparedWith(Baseline baseline) {
        return new AuditRun(toolVersion, hostname, started, duration, environment, targets, results, failOn,
                Comparison.of(baseline, results));
    }

    public boolean gateTripped() {
        return failOn.trips(results);
    }

    public Map<Status, Integer> counts() {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        for (Result r : results) {
            counts.merge(r.status(), 1, Integer::sum);
        }
        return counts;
    }
}
