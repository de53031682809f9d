package dev.dlvaudit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import dev.dlvaudit.api.Status;
import dev.dlvaudit.api.Target;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EngineTest {

    @CheckSpec(id = "test.throws", title = "throws", severity = Severity.FAIL, scope = Scope.HOST,
            rationale = "r", reads = "nothing", fix = "f")
    static final class Throwing implements Check {
        @Override
        public List<Finding> evaluate(CheckContext context) {
            throw new IllegalStateException("boom at /proc/x");
        }
    }

    @CheckSpec(id = "test.hangs", title = "hangs", severity = Severity.FAIL, scope = Scope.HOST,
            rationale = "r", reads = "nothing", fix = "f")
    static final class Hanging implements Check {
        @Override
        public List<Finding> evaluate(CheckContext context) throws InterruptedException {
            Thread.sleep(60_000);
            return List.of(Finding.pass("never"));
        }
    }

    @CheckSpec(id = "test.warns", title = "warns", severity = Severity.WARN, scope = Scope.HOST,
            rationale = "r", reads = "nothing", fix = "f")
    static final class Warning implements Check {
        @Override
        public List<Finding> evaluate(CheckContext context) {
            return List.of(Finding.warn("something is off").observed("1").expected("0"));
        }
    }

    @CheckSpec(id = "test.per-db", title = "per db", severity = Severity.FAIL, scope = Scope.DATABASE,
            rationale = "r", reads = "nothing", fix = "f")
    static final class PerDatabase implements Check {
        @Override
        public List<Finding> evaluate(CheckContext context) {
            return List.of(Finding.pass("ok " + context.databaseDirectory().orElseThrow()));
        }
    }

    static final java.util.concurrent.CyclicBarrier BARRIER = new java.util.concurrent.CyclicBarrier(2);

    @CheckSpec(id = "test.meets-a", title = "a", severity = Severity.FAIL, scope = Scope.HOST,
            rationale = "r", reads = "nothing", fix = "f")
    static final class MeetsA implements Check {
        @Override
        public List<Finding> evaluate(CheckContext context) throws Exception {
            BARRIER.await(5, java.util.concurrent.TimeUnit.SECONDS);
            return List.of(Finding.pass("met"));
        }
    }

    @CheckSpec(id = "test.meets-b", title = "b", severity = Severity.FAIL, scope = Scope.HOST,
            rationale = "r", reads = "nothing", fix = "f")
    static final class MeetsB implements Check {
        @Override
        public List<Finding> evaluate(CheckContext context) throws Exception {
            BARRIER.await(5, java.util.concurrent.TimeUnit.SECONDS);
            return List.of(Finding.pass("met"));
        }
    }

    static final class NoSpec implements Check {
        @Override
        public List<Finding> evaluate(CheckContext context) {
            return List.of();
        }
    }

    private static Engine engine(Policy policy, Duration timeout) {
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC);
        return new Engine(new FactStore(List.of()), policy, Path.of("/"), clock, Map.of(), timeout);
    }

    private static List<LoadedCheck> checks(Check... checks) {
        CheckCatalog c = new CheckCatalog();
        for (Check check : checks) {
            c.add(check, CheckCatalog.BUILT_IN);
        }
        return c.all();
    }

    @Test
    void anExceptionBecomesThatChecksErrorAndTheOthersStillRun() {
        List<Result> results = engine(Policy.none(), Duration.ofSeconds(5)).run(checks(new Throwing(), new Warning()), List.of());
        assertEquals(2, results.size());
        Result thrown = results.stream().filter(r -> r.checkId().equals("test.throws")).findFirst().orElseThrow();
        assertEquals(Status.ERROR, thrown.status());
        assertTrue(thrown.message().contains("boom at /proc/x"), thrown.message());
        assertEquals(Status.WARN, results.stream().filter(r -> r.checkId().equals("test.warns")).findFirst().orElseThrow().status());
    }

    @Test
    void aHungCheckIsCutOffAtTheTimeout() {
        long start = System.nanoTime();
        List<Result> results = engine(Policy.none(), Duration.ofMillis(300)).run(checks(new Hanging(), new Warning()), List.of());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 20);
        Result hung = results.stream().filter(r -> r.checkId().equals("test.hangs")).findFirst().orElseThrow();
        assertEquals(Status.ERROR, hung.status());
        assertTrue(hung.message().contains("did not finish"), hung.message());
        assertEquals(2, results.size());
    }

    @Test
    void theChecksOfOneTargetRunAtTheSameTimeAndKeepTheirOrder() {
        // each waits for the other: run one after the other, both would time out
        List<Result> results = engine(Policy.none(), Duration.ofSeconds(10)).run(checks(new MeetsB(), new MeetsA()), List.of());
        assertEquals(List.of("test.meets-a", "test.meets-b"), results.stream().map(Result::checkId).toList());
        assertTrue(results.stream().allMatch(r -> r.status() == Status.PASS), results.toString());
    }

    @Test
    void databaseChecksSkipWithoutADatabaseAndRunPerTarget() {
        List<Result> none = engine(Policy.none(), Duration.ofSeconds(5)).run(checks(new PerDatabase()), List.of());
        assertEquals(Status.SKIP, none.get(0).status());
        assertEquals("no database directory given", none.get(0).message());
        List<Result> two = engine(Policy.none(), Duration.ofSeconds(5)).run(checks(new PerDatabase()),
                List.of(new Target(Path.of("/a"), null), new Target(Path.of("/b"), null)));
        assertEquals(List.of("/a", "/b"), two.stream().map(Result::target).toList());
    }

    @Test
    void policySeverityOverridesTheVerdict() {
        Policy p = new Policy("t", Optional.empty(), Map.of(), Map.of(), Map.of("test.warns", Severity.FAIL), List.of());
        assertEquals(Status.FAIL, engine(p, Duration.ofSeconds(5)).run(checks(new Warning()), List.of()).get(0).status());
        Policy info = new Policy("t", Optional.empty(), Map.of(), Map.of(), Map.of("test.warns", Severity.INFO), List.of());
        assertEquals(Status.INFO, engine(info, Duration.ofSeconds(5)).run(checks(new Warning()), List.of()).get(0).status());
    }

    @Test
    void aWaiverAppliesUntilItExpires() {
        Waiver valid = new Waiver("test.warns", "known", "ops@example.com", LocalDate.parse("2026-12-31"), null, null);
        Result waived = engine(new Policy("t", Optional.empty(), Map.of(), Map.of(), Map.of(), List.of(valid)),
                Duration.ofSeconds(5)).run(checks(new Warning()), List.of()).get(0);
        assertEquals(Status.WAIVED, waived.status());
        assertEquals(Status.WARN, waived.waiver().waivedStatus());
        Waiver expired = new Waiver("test.warns", "known", "ops@example.com", LocalDate.parse("2026-11-23"), null, null);
        Result notWaived = engine(new Policy("t", Optional.empty(), Map.of(), Map.of(), Map.of(), List.of(expired)),
                Duration.ofSeconds(5)).run(checks(new Warning()), List.of()).get(0);
        assertEquals(Status.WARN, notWaived.status());
        assertTrue(notWaived.message().contains("expired on 2026-11-23"), notWaived.message());
    }

    @Test
    void duplicateIdsAndMissingSpecsAreConfigurationErrors() {
        CheckCatalog c = new CheckCatalog();
        c.add(new Warning(), "a.jar");
        ConfigException dup = assertThrows(ConfigException.class, () -> c.add(new Warning(), "b.jar"));
        assertTrue(dup.getMessage().contains("a.jar") && dup.getMessage().contains("b.jar"), dup.getMessage());
        assertThrows(ConfigException.class, () -> c.add(new NoSpec(), "c.jar"));
    }

    @Test
    void onlyAndSkipSelectByIdOrAreaAndRejectUnknownNames() {
        CheckCatalog c = new CheckCatalog();
        c.add(new Warning(), CheckCatalog.BUILT_IN);
        c.add(new Throwing(), CheckCatalog.BUILT_IN);
        assertEquals(List.of("test.warns"), c.select(List.of("test.warns"), List.of()).stream().map(LoadedCheck::id).toList());
        assertEquals(List.of("test.throws"), c.select(List.of("test"), List.of("test.warns")).stream().map(LoadedCheck::id).toList());
        ConfigException e = assertThrows(ConfigException.class, () -> c.select(List.of("os.nope"), List.of()));
        assertTrue(e.getMessage().contains("os.nope"), e.getMessage());
    }

    @Test
    void everyBuiltInCheckIsDocumented() {
        for (LoadedCheck c : CheckCatalog.builtIn().all()) {
            CheckSpec s = c.spec();
            assertTrue(!s.title().isBlank() && !s.rationale().isBlank() && !s.reads().isBlank() && !s.fix().isBlank(),
                    c.id() + " lacks documentation");
        }
    }
}
