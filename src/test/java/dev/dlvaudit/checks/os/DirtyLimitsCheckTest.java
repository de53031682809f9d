package dev.dlvaudit.checks.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlvaudit.api.Status;
import dev.dlvaudit.engine.Policy;
import dev.dlvaudit.engine.Result;
import dev.dlvaudit.testing.CheckRunner;
import dev.dlvaudit.testing.FakeHost;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dirtyable memory in these tests: MemFree 8 GiB + Active(file) 1 GiB + Inactive(file) 1 GiB = 10 GiB. */
class DirtyLimitsCheckTest {
    static final long GIB = 1L << 30;
    @TempDir
    Path root;
    FakeHost host;

    @BeforeEach
    void setUp() {
        host = new FakeHost(root).goodKernel();
    }

    private Result run() {
        return new CheckRunner(root).one(new DirtyLimitsCheck());
    }

    private void ratios(long background, long foreground) {
        host.sysctl("vm.dirty_background_ratio", "" + background).sysctl("vm.dirty_ratio", "" + foreground)
                .sysctl("vm.dirty_background_bytes", "0").sysctl("vm.dirty_bytes", "0");
    }

    @Test
    void byteLimitsPass() {
        Result r = run();
        assertEquals(Status.PASS, r.status(), r.message());
        assertTrue(r.observed().contains("256 MiB (vm.dirty_background_bytes)"), r.observed());
        assertTrue(r.observed().contains("1 GiB (vm.dirty_bytes)"), r.observed());
    }

    @ParameterizedTest
    @CsvSource({"10,20,PASS", "10,40,PASS", "10,41,WARN", "20,20,WARN", "21,20,WARN", "19,20,PASS"})
    void ratiosApplyToDirtyableMemory(long background, long foreground, Status expected) {
        ratios(background, foreground);
        Result r = run();
        assertEquals(expected, r.status(), r.message());
        assertTrue(r.observed().contains("dirtyable memory 10 GiB"), r.observed());
        assertTrue(r.evidence().contains("MemFree + Active(file) + Inactive(file)"), r.evidence());
    }

    @ParameterizedTest
    @CsvSource({"4294967296,PASS", "4294967297,WARN"})
    void foregroundLimitBoundaryInBytes(long bytes, Status expected) {
        host.sysctl("vm.dirty_bytes", "" + bytes);
        Result r = run();
        assertEquals(expected, r.status(), r.message());
        if (expected == Status.WARN) {
            assertTrue(r.message().contains("above 4 GiB"), r.message());
            assertTrue(r.message().contains(":writemap") && r.message().contains(":nosync"), r.message());
            assertTrue(r.fix().contains("sysctl -w vm.dirty_background_bytes=268435456 vm.dirty_bytes=1073741824"),
                    r.fix());
            assertTrue(r.fix().contains("/etc/sysctl.d/90-datalevin.conf"), r.fix());
        }
    }

    @ParameterizedTest
    @CsvSource({"1073741823,PASS", "1073741824,WARN"})
    void backgroundMustStayBelowForeground(long background, Status expected) {
        host.sysctl("vm.dirty_background_bytes", "" + background);
        Result r = run();
        assertEquals(expected, r.status(), r.message());
        if (expected == Status.WARN) {
            assertTrue(r.message().contains("not below the foreground limit"), r.message());
        }
    }

    @Test
    void nonZeroBytesOverrideTheRatio() {
        host.sysctl("vm.dirty_ratio", "90").sysctl("vm.dirty_bytes", "" + GIB);
        assertEquals(Status.PASS, run().status());
        host.sysctl("vm.dirty_bytes", "0");
        Result r = run();
        assertEquals(Status.WARN, r.status(), "90 % of 10 GiB is 9 GiB");
        assertTrue(r.observed().contains("vm.dirty_ratio = 90 %"), r.observed());
    }

    @Test
    void memAvailableWhenTheFileLruIsNotReported() {
        Map<String, Long> mem = new LinkedHashMap<>();
        mem.put("MemTotal", 64L << 20);
        mem.put("MemAvailable", 50L << 20);
        host.meminfo(mem);
        ratios(5, 8);
        assertEquals(Status.PASS, run().status(), "8 % of 50 GiB is exactly 4 GiB");
        ratios(5, 9);
        Result r = run();
        assertEquals(Status.WARN, r.status(), "9 % of 50 GiB is 4.5 GiB");
        assertTrue(r.evidence().contains("MemAvailable"), r.evidence());
    }

    @Test
    void meminfoWithoutUsableFieldsIsAnError() {
        host.meminfo(Map.of("MemTotal", 1L << 20));
        Result r = run();
        assertEquals(Status.ERROR, r.status());
        assertTrue(r.message().contains("proc/meminfo") && r.message().contains("MemAvailable"), r.message());
    }

    @Test
    void missingMeminfoIsAnErrorNamingThePath() {
        host.delete("/proc/meminfo");
        Result r = run();
        assertEquals(Status.ERROR, r.status());
        assertTrue(r.message().contains("proc/meminfo: no such file"), r.message());
    }

    @Test
    void malformedMeminfoIsAnErrorNamingTheLine() {
        host.file("/proc/meminfo", "MemTotal: lots kB\n");
        Result r = run();
        assertEquals(Status.ERROR, r.status());
        assertTrue(r.message().contains("proc/meminfo: line 1") && r.message().contains("'lots'"), r.message());
    }

    @Test
    void malformedAndEmptySettingsAreErrorsNamingFileAndContent() {
        host.sysctl("vm.dirty_ratio", "abc");
        Result r = run();
        assertEquals(Status.ERROR, r.status());
        assertTrue(r.message().contains("proc/sys/vm/dirty_ratio") && r.message().contains("'abc'"), r.message());
        host.file("/proc/sys/vm/dirty_ratio", "");
        assertTrue(run().message().contains("''"));
        host.sysctl("vm.dirty_ratio", "0").delete("/proc/sys/vm/dirty_background_bytes");
        r = run();
        assertEquals(Status.ERROR, r.status());
        assertTrue(r.message().contains("dirty_background_bytes: no such file"), r.message());
    }

    @Test
    void policyLowersTheForegroundMaximum() {
        Policy p = new Policy("test", Optional.empty(), Map.of(),
                Map.of("os.dirty-limits", Map.of("max-foreground-bytes", "512 MiB")), Map.of(), List.of());
        Result r = new CheckRunner(root).policy(p).one(new DirtyLimitsCheck());
        assertEquals(Status.WARN, r.status(), r.message());
        assertTrue(r.fix().contains("vm.dirty_background_bytes=134217728 vm.dirty_bytes=536870912"), r.fix());
    }

    @Test
    void inAContainerTheFixSaysSetOnTheHost() {
        host.sysctl("vm.dirty_bytes", "" + 8 * GIB).file("/.dockerenv", "");
        Result r = run();
        assertEquals(Status.WARN, r.status());
        assertTrue(r.fix().contains("set them on the host"), r.fix());
    }
}
