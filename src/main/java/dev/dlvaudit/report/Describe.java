package dev.dlvaudit.report;

import dev.dlvaudit.engine.AuditRun;
import dev.dlvaudit.engine.Comparison;
import dev.dlvaudit.engine.Result;
import dev.dlvaudit.engine.Waiver;

/** The same words for the same things in every format. */
final class Describe {
    private Describe() {
    }

    /** "waived until 2027-03-31 by ops@example.com: vendor kernel (would be FAIL)". */
    static String waiver(Waiver w) {
        return "waived" + (w.expires() == null ? " with no expiry" : " until " + w.expires())
                + (w.owner().isEmpty() ? "" : " by " + w.owner()) + ": " + w.reason()
                + (w.waivedStatus() == null ? "" : " (would be " + w.waivedStatus() + ")");
    }

    /** The baseline mark of a result ("new", "regressed", ...), or null without a baseline. */
    static String change(AuditRun run, Result r) {
        return run.comparison() == null ? null : run.comparison().changeOf(r).label();
    }

    static String fixed(Comparison.Fixed f) {
        return f.checkId() + (f.subject().isEmpty() ? "" : " [" + f.subject() + "]") + " on " + f.target()
                + ": was " + f.was() + ", " + (f.now() == null ? "no longer reported" : "now " + f.now());
    }

    static String name(Result r) {
        return r.checkId() + (r.subject().isEmpty() ? "" : " [" + r.subject() + "]");
    }

    static String message(Result r) {
        return r.message() + (r.waiver() == null ? "" : " — " + waiver(r.waiver()));
    }
}
