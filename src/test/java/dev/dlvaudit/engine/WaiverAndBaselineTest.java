package dev.dlvaudit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import dev.dlvaudit.api.Status;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WaiverAndBaselineTest {

    @CheckSpec(id = "os.thp", title = "thp", severity = Severity.FAIL, scope = Scope.HOST,
            rationale = "r", reads = "nothing", fix = "f")
    static final class Failing implements Check {
        @Override
        public List<Finding> evaluate(CheckContext context) {
            return List.of(Finding.fail("THP is always"));
        }
    }

    private static Result run(String policy, String today) {
        CheckCatalog catalog = new CheckCatalog();
        catalog.add(new Failing(), CheckCatalog.BUILT_IN);
        Policy p = PolicyFile.parse("p.edn", policy, id -> catalog.find(id).isPresent());
        Clock clock = Clock.fixed(Instant.parse(today + "T12:00:00Z"), ZoneOffset.UTC);
        return new Engine(new FactStore(List.of()), p, Path.of("/"), clock, Map.of(), Duration.ofSeconds(5))
                .run(catalog.all(), List.of()).get(0);
    }

    static final String WAIVED = "{:waivers [{:check \"os.thp\" :reason \"vendor kernel\" :owner \"ops\""
            + " :expires \"2027-03-31\"}]}";

    @Test
    void aWaiverAppliesThroughItsExpiryDayAndNotAfter() {
        Result onTheDay = run(WAIVED, "2027-03-31");
        assertEquals(Status.WAIVED, onTheDay.status());
        assertEquals(Status.FAIL, onTheDay.waiver().waivedStatus());
        assertEquals("vendor kernel", onTheDay.waiver().reason());
        Result dayAfter = run(WAIVED, "2027-04-01");
        assertEquals(Status.FAIL, dayAfter.status());
        assertNull(dayAfter.waiver());
        assertEquals("THP is always (waiver expired on 2027-03-31, owner ops: vendor kernel)", dayAfter.message());
    }

    @Test
    void aValidWaiverWinsOverAnExpiredOneAndTargetsLimitWaivers() {
        Result r = run("{:waivers [{:check \"os.thp\" :reason \"old\" :expires \"2020-01-01\"}"
                + " {:check \"os.thp\" :reason \"new\" :expires \"2030-01-01\"}]}", "2027-01-01");
        assertEquals(Status.WAIVED, r.status());
        assertEquals("new", r.waiver().reason());
        assertEquals("THP is always", r.message());
        assertEquals(Status.FAIL, run("{:waivers [{:check \"os.thp\" :reason \"r\" :target \"/srv/db\"}]}",
                "2027-01-01").status(), "a waiver for a database does not waive the host");
        assertEquals(Status.WAIVED, run("{:waivers [{:check \"os.thp\" :reason \"r\" :target \"host\"}]}",
                "2027-01-01").status());
    }

    static Result result(String id, Status status, String subject) {
        return new Result(id, "os", "t", Severity.FAIL, Result.HOST, status, "m", subject, "", "", "", "", 0, null);
    }

    @Test
    void baselineMarksNewRegressedImprovedFixedAndGone() {
        Baseline before = new Baseline("prev.json", "2026-11-23T00:00:00Z", List.of(
                new Baseline.Entry("os.a", Result.HOST, "", Status.PASS, ""),
                new Baseline.Entry("os.b", Result.HOST, "", Status.FAIL, ""),
                new Baseline.Entry("os.c", Result.HOST, "", Status.FAIL, ""),
                new Baseline.Entry("os.d", Result.HOST, "pid 1", Status.WARN, ""),
                new Baseline.Entry("os.e", Result.HOST, "", Status.ERROR, ""),
                new Baseline.Entry("os.f", Result.HOST, "", Status.WARN, "")));
        List<Result> now = List.of(
                result("os.a", Status.WARN, ""),      // regressed
                result("os.b", Status.PASS, ""),      // fixed
                result("os.c", Status.WARN, ""),      // improved
                result("os.d", Status.WARN, "pid 2"), // new (another subject); pid 1 is gone → fixed
                result("os.e", Status.ERROR, ""),     // unchanged
                result("os.f", Status.WARN, "").withWaiver(new Waiver("os.f", "r", "", null, null, Status.WARN)));
                                                      // a waiver fixes nothing: unchanged
        Comparison c = Comparison.of(before, now);
        assertEquals(List.of(Change.REGRESSED, Change.FIXED, Change.IMPROVED, Change.NEW, Change.UNCHANGED,
                Change.UNCHANGED), now.stream().map(c::changeOf).toList());
        assertEquals(List.of("os.b was FAIL now PASS", "os.d was WARN now null"), c.fixed().stream()
                .map(f -> f.checkId() + " was " + f.was() + " now " + f.now()).toList());
        assertEquals(2, c.counts(now).get(Change.FIXED));
        assertTrue(c.counts(now).get(Change.NEW) == 1);
    }
}
