package dev.dlvaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlvaudit.api.Status;
import dev.dlvaudit.engine.AuditRun;
import dev.dlvaudit.engine.FailOn;
import dev.dlvaudit.engine.Result;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextReportTest {

    private static String text(List<Result> results) {
        AuditRun run = new AuditRun("0.1.0", "db1", Instant.parse("2026-11-24T10:00:00Z"), Duration.ZERO,
                Map.of("kernel", "6.1"), List.of(), results, FailOn.FAIL);
        StringWriter w = new StringWriter();
        new TextReport(false).write(run, new PrintWriter(w, true));
        return w.toString();
    }

    @Test
    void checksSkippedForOneReasonShareALine() {
        String out = text(List.of(
                SampleRun.result("db.format", Status.SKIP, Result.HOST, "", "no database directory given"),
                SampleRun.result("db.free-list", Status.SKIP, Result.HOST, "", "no database directory given"),
                SampleRun.result("os.swappiness", Status.PASS, Result.HOST, "", "vm.swappiness is 1")));
        assertEquals(1, out.split("no database directory given", -1).length - 1, out);
        assertTrue(out.contains("db.format, db.free-list"), out);
        assertTrue(out.contains("PASS   os.swappiness"), out);
    }

    @Test
    void differentReasonsAndOtherStatesKeepTheirOwnLines() {
        String out = text(List.of(
                SampleRun.result("db.format", Status.SKIP, Result.HOST, "", "reason one"),
                SampleRun.result("db.free-list", Status.SKIP, Result.HOST, "", "reason two")));
        assertTrue(out.contains("SKIP   db.format") && out.contains("SKIP   db.free-list"), out);
        assertFalse(out.contains("\u001b["), "no colour when not asked");
    }

    @Test
    void theSameFactOfSeveralChecksIsPrintedOnce() {
        String out = text(List.of(
                info("proc.address-space"),
                SampleRun.result("proc.major-faults", Status.SKIP, "/db", "", "needs --sample SECONDS"),
                info("proc.open-files"),
                SampleRun.result("proc.file-size", Status.FAIL, "/db", "", "limit below the map")));
        assertEquals(1, out.split("no process has this database open", -1).length - 1, out);
        assertTrue(out.contains("proc.address-space, proc.open-files"), out);
        assertTrue(out.contains("FAIL   proc.file-size"), out);
    }

    private static Result info(String id) {
        return new Result(id, "proc", "title", dev.dlvaudit.api.Severity.WARN, "/db", Status.INFO,
                "no process has this database open", "", "", "", "/proc/*/maps naming /db/data.mdb", "", 1, null);
    }
}
