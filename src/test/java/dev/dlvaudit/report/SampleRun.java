package dev.dlvaudit.report;

import dev.dlvaudit.api.Severity;
import dev.dlvaudit.api.Status;
import dev.dlvaudit.engine.AuditRun;
import dev.dlvaudit.engine.Baseline;
import dev.dlvaudit.engine.FailOn;
import dev.dlvaudit.engine.Result;
import dev.dlvaudit.engine.Waiver;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A run with every state, a waiver, awkward characters and a baseline, for the format tests. */
final class SampleRun {
    static final String DB = "/var/lib/app/\"db\" <1> & \\x";

    private SampleRun() {
    }

    static Result result(String id, Status status, String target, String subject, String message) {
        return new Result(id, id.substring(0, id.indexOf('.')), "title of " + id, Severity.FAIL, target, status,
                message, subject, "observed " + id, "expected " + id, "/proc/sys/" + id, "sysctl -w " + id + "=1",
                12, null);
    }

    static List<Result> results() {
        Waiver waiver = new Waiver("os.thp", "vendor kernel, fixed in Q1", "ops@example.com",
                LocalDate.parse("2027-03-31"), null, Status.FAIL);
        return List.of(
                result("os.swappiness", Status.PASS, Result.HOST, "", "vm.swappiness is 1"),
                result("os.dirty", Status.WARN, Result.HOST, "", "dirty ratio is 40 %"),
                result("os.thp", Status.WAIVED, Result.HOST, "", "THP is always").withWaiver(waiver),
                result("db.max-readers", Status.FAIL, DB, "", "126 slots < 1024 \"required\"\nsecond line"),
                result("db.long-readers", Status.ERROR, DB, "pid 42", "cannot read lock.mdb"),
                result("db.stale-readers", Status.SKIP, DB, "", "no lock file"),
                result("ops.monitoring-hooks", Status.INFO, Result.HOST, "", "advice"));
    }

    static AuditRun run() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("hostname", "db1");
        env.put("kernel", "6.1.0");
        env.put("memory_bytes", 8L << 30);
        return new AuditRun("0.1.0", "db1", Instant.parse("2026-11-24T10:00:00Z"), Duration.ofMillis(1500), env,
                List.of(DB), results(), FailOn.FAIL);
    }

    /** The run compared with a baseline where os.dirty passed, db.max-readers failed, os.numa failed. */
    static AuditRun withBaseline() {
        Baseline b = new Baseline("previous.json", "2026-11-23T10:00:00Z", List.of(
                new Baseline.Entry("os.dirty", Result.HOST, "", Status.PASS, "ok"),
                new Baseline.Entry("db.max-readers", DB, "", Status.FAIL, "126 slots"),
                new Baseline.Entry("os.swappiness", Result.HOST, "", Status.FAIL, "60"),
                new Baseline.Entry("os.numa", Result.HOST, "", Status.WARN, "zone reclaim on")));
        return run().comparedWith(b);
    }
}
