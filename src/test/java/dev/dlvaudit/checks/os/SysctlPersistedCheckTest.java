package dev.dlvaudit.checks.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlvaudit.api.Status;
import dev.dlvaudit.engine.Result;
import dev.dlvaudit.testing.CheckRunner;
import dev.dlvaudit.testing.FakeHost;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SysctlPersistedCheckTest {
    static final String SUBJECT_DIRTY = "vm.dirty_*";
    static final String SUBJECT_THP = "transparent_hugepage";
    @TempDir
    Path root;
    FakeHost host;

    @BeforeEach
    void setUp() {
        host = new FakeHost(root).goodKernel();
    }

    private Map<String, Result> run() {
        List<Result> results = new CheckRunner(root).run(new SysctlPersistedCheck());
        return results.stream().collect(Collectors.toMap(Result::subject, r -> r, (a, b) -> a, LinkedHashMap::new));
    }

    private Result run(String subject) {
        return run().get(subject);
    }

    @Test
    void goodHostPassesEveryKey() {
        Map<String, Result> results = run();
        assertEquals(List.of("vm.swappiness", SUBJECT_DIRTY, "vm.zone_reclaim_mode", "vm.overcommit_memory",
                SUBJECT_THP), List.copyOf(results.keySet()));
        results.values().forEach(r -> assertEquals(Status.PASS, r.status(), r.subject() + ": " + r.message()));
        assertTrue(results.get("vm.swappiness").observed().contains("90-datalevin.conf:1"),
                results.get("vm.swappiness").observed());
    }

    @Test
    void nothingPersistedWarnsWithTheKernelDefault() {
        host.delete("/etc/sysctl.d/90-datalevin.conf");
        Result r = run("vm.swappiness");
        assertEquals(Status.WARN, r.status(), r.message());
        assertTrue(r.message().contains("vm.swappiness is 1 now but will revert on reboot to 60"), r.message());
        assertTrue(r.message().contains("none persisted"), r.message());
        assertTrue(r.fix().contains("sysctl -w vm.swappiness=1") && r.fix().contains("vm.swappiness = 1")
                && r.fix().contains("/etc/sysctl.d/90-datalevin.conf"), r.fix());
    }

    @Test
    void sysctlConfAppliedLastOverridesAGoodDropIn() {
        host.file("/etc/sysctl.conf", "vm.swappiness = 60\n");
        Result r = run("vm.swappiness");
        assertEquals(Status.WARN, r.status(), r.message());
        assertTrue(r.message().contains("60 (" + root.resolve("etc/sysctl.conf") + ":1)"), r.message());
    }

    @Test
    void etcOverridesTheSameBasenameInUsrLib() {
        host.file("/usr/lib/sysctl.d/90-datalevin.conf", "vm.swappiness = 60\n");
        assertEquals(Status.PASS, run("vm.swappiness").status());
        host.delete("/etc/sysctl.d/90-datalevin.conf");
        assertEquals(Status.WARN, run("vm.swappiness").status());
    }

    @Test
    void laterFileWins() {
        host.file("/usr/lib/sysctl.d/99-vendor.conf", "vm.swappiness = 30\n");
        Result r = run("vm.swappiness");
        assertEquals(Status.WARN, r.status(), r.message());
        assertTrue(r.message().contains("usr/lib/sysctl.d/99-vendor.conf:1"), r.message());
    }

    @ParameterizedTest
    @CsvSource({"1,10,PASS", "1,11,WARN", "1,0,WARN", "60,1,INFO", "60,60,INFO"})
    void swappinessRuntimeVsPersisted(String runtime, String persisted, Status expected) {
        host.sysctl("vm.swappiness", runtime).file("/etc/sysctl.d/90-datalevin.conf", "vm.swappiness = " + persisted);
        assertEquals(expected, run("vm.swappiness").status());
    }

    @Test
    void withoutSwapSwappinessCannotDrift() {
        host.swap(0).delete("/etc/sysctl.d/90-datalevin.conf");
        assertEquals(Status.PASS, run("vm.swappiness").status());
    }

    @Test
    void malformedPersistedValueIsAnErrorForThatKeyOnly() {
        host.file("/etc/sysctl.d/90-datalevin.conf", "vm.swappiness = abc\nvm.dirty_bytes = 1073741824\n"
                + "vm.dirty_background_bytes = 268435456\n");
        Map<String, Result> results = run();
        Result r = results.get("vm.swappiness");
        assertEquals(Status.ERROR, r.status());
        assertTrue(r.message().contains("90-datalevin.conf:1") && r.message().contains("'abc'"), r.message());
        assertEquals(Status.PASS, results.get(SUBJECT_DIRTY).status());
    }

    @Test
    void missingRuntimeValueIsAnErrorNamingThePath() {
        host.delete("/proc/sys/vm/zone_reclaim_mode");
        Result r = run("vm.zone_reclaim_mode");
        assertEquals(Status.ERROR, r.status());
        assertTrue(r.message().contains("zone_reclaim_mode: no such file"), r.message());
    }

    @Test
    void dirtyBytesNotPersistedRevertToTheDefaultRatios() {
        // 10 GiB dirtyable; defaults 10 % / 20 % give 1 GiB / 2 GiB: fine unless the policy's max is lower.
        host.delete("/etc/sysctl.d/90-datalevin.conf");
        assertEquals(Status.PASS, run(SUBJECT_DIRTY).status());
        host.meminfo(Map.of("MemFree", 40L << 20, "Active(file)", 1L << 20, "Inactive(file)", 1L << 20));
        Result r = run(SUBJECT_DIRTY);
        assertEquals(Status.WARN, r.status(), r.message());
        assertTrue(r.message().contains("will revert on reboot"), r.message());
        assertTrue(r.message().contains("vm.dirty_bytes: runtime 1073741824, persisted 0 (none persisted"),
                r.message());
        assertTrue(r.fix().contains("sysctl -w vm.dirty_background_bytes=268435456 vm.dirty_bytes=1073741824"),
                r.fix());
    }

    @Test
    void aLaterRatioZeroesThePersistedBytes() {
        host.meminfo(Map.of("MemFree", 40L << 20, "Active(file)", 1L << 20, "Inactive(file)", 1L << 20))
                .file("/usr/lib/sysctl.d/99-vendor.conf", "vm.dirty_ratio = 20\n");
        Result r = run(SUBJECT_DIRTY);
        assertEquals(Status.WARN, r.status(), r.message());
        assertTrue(r.message().contains("zeroed by vm.dirty_ratio at " + root.resolve("usr/lib/sysctl.d/99-vendor.conf")
                + ":1"), r.message());
    }

    @Test
    void runningDirtyLimitsThatFailAreLeftToTheirOwnCheck() {
        host.sysctl("vm.dirty_bytes", "" + (8L << 30));
        assertEquals(Status.INFO, run(SUBJECT_DIRTY).status());
    }

    @Test
    void zoneReclaimPersistedOnOnATwoNodeHost() {
        host.file("/sys/devices/system/node/online", "0-1\n")
                .file("/etc/sysctl.d/60-numa.conf", "vm.zone_reclaim_mode = 1\n");
        Result r = run("vm.zone_reclaim_mode");
        assertEquals(Status.WARN, r.status(), r.message());
        assertTrue(r.message().contains("60-numa.conf"), r.message());
        host.file("/sys/devices/system/node/online", "0\n");
        assertEquals(Status.PASS, run("vm.zone_reclaim_mode").status());
    }

    @ParameterizedTest
    @CsvSource({"950,WARN", "500,PASS"})
    void strictOvercommitPersisted(long committed, Status expected) {
        host.meminfo(Map.of("MemFree", 8L << 20, "Active(file)", 1L << 20, "Inactive(file)", 1L << 20,
                "CommitLimit", 1000L, "Committed_AS", committed))
                .file("/etc/sysctl.d/70-oc.conf", "vm.overcommit_memory = 2\n");
        assertEquals(expected, run("vm.overcommit_memory").status());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ro transparent_hugepage=madvise|always [madvise] never||PASS",
        "ro transparent_hugepage=never|always [madvise] never||PASS",
        "ro transparent_hugepage=always|always [madvise] never||WARN",
        "ro|always [madvise] never|CONFIG_TRANSPARENT_HUGEPAGE_ALWAYS=y|WARN",
        "ro|always [madvise] never|CONFIG_TRANSPARENT_HUGEPAGE_MADVISE=y|PASS",
        "ro|always [madvise] never||INFO",
        "ro transparent_hugepage=madvise|[always] madvise never||INFO",
        "ro -- transparent_hugepage=always|always [madvise] never|CONFIG_TRANSPARENT_HUGEPAGE_MADVISE=y|PASS",
        "ro transparent_hugepage=sometimes|always [madvise] never||ERROR"})
    void thpRuntimeVsKernelCommandLine(String cmdline, String enabled, String config, Status expected) {
        host.file("/proc/cmdline", cmdline + "\n").file(ThpCheckTest.ENABLED, enabled + "\n");
        if (config != null) {
            host.file("/boot/config-6.1.0-test", "CONFIG_TRANSPARENT_HUGEPAGE=y\n" + config + "\n");
        }
        Result r = run(SUBJECT_THP);
        assertEquals(expected, r.status(), r.message());
        if (expected == Status.WARN) {
            assertTrue(r.message().contains("will revert on reboot to 'always'"), r.message());
            assertTrue(r.fix().contains("echo madvise > /sys/kernel/mm/transparent_hugepage/enabled")
                    && r.fix().contains("transparent_hugepage=madvise"), r.fix());
        }
    }

    @Test
    void missingKernelCommandLineIsAnErrorForThpOnly() {
        host.delete("/proc/cmdline");
        Map<String, Result> results = run();
        assertEquals(Status.ERROR, results.get(SUBJECT_THP).status());
        assertTrue(results.get(SUBJECT_THP).message().contains("proc/cmdline: no such file"));
        assertEquals(Status.PASS, results.get("vm.swappiness").status());
    }

    @Test
    void kernelWithoutThpHasNothingToPersist() throws Exception {
        ThpCheckTest.deleteThp(host);
        assertEquals(Status.INFO, run(SUBJECT_THP).status());
    }

    @Test
    void inAContainerEveryFixSaysSetOnTheHost() {
        host.file("/.dockerenv", "").delete("/etc/sysctl.d/90-datalevin.conf")
                .file("/proc/cmdline", "transparent_hugepage=always\n")
                .meminfo(Map.of("MemFree", 40L << 20, "Active(file)", 1L << 20, "Inactive(file)", 1L << 20));
        Map<String, Result> results = run();
        for (String subject : List.of("vm.swappiness", SUBJECT_DIRTY, SUBJECT_THP)) {
            Result r = results.get(subject);
            assertEquals(Status.WARN, r.status(), subject + ": " + r.message());
            assertTrue(r.fix().contains("set them on the host"), r.fix());
        }
    }
}
