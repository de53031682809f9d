package dev.dlvaudit.engine;

import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Severity;
import dev.dlvaudit.api.Status;

/**
 * One line of the report: a finding with the check it came from, the target it is about and
 * the state after the policy's severity and waivers were applied.
 *
 * @param target "host" for host checks, else the database's label
 * @param waiver the waiver that applies, or null
 */
public record Result(String checkId, String area, String title, Severity severity, String target,
                     Status status, String message, String subject, String observed, String expected,
                     String evidence, String fix, long durationMillis, Waiver waiver) {

    public static final String HOST = "host";

    static Result of(LoadedCheck check, Severity severity, String target, Finding f, Status status, long millis) {
        return new Result(check.id(), check.area(), check.spec().title(), severity, target, status,
                f.message(), f.subject(), f.observed(), f.expected(), f.evidence(), f.fix(), millis, null);
    }

    public Result withWaiver(Waiver w) {
        return new Result(checkId, area, title, severity, target, Status.WAIVED, message, subject, observed,
                expected, evidence, fix, durationMillis, w);
    }

    /** The state the check itself gave, before a waiver: what a waived result would otherwise be. */
    public boolean isHostScoped() {
        return HOST.equals(target);
    }
}
