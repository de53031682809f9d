package dev.dlvaudit.checks.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlvaudit.api.Status;
import dev.dlvaudit.engine.Result;
import dev.dlvaudit.testing.CheckRunner;
import dev.dlvaudit.testing.FakeHost;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SwappinessCheckTest {
    @TempDir
    Path root;
    FakeHost host;

    @BeforeEach
    void setUp() {
        host = new FakeHost(root).swap(2 * 1024 * 1024);
    }

    private Result run() {
        return new CheckRunner(root).one(new SwappinessCheck());
    }

    @ParameterizedTest
    @CsvSource({"0,WARN", "1,PASS", "10,PASS", "11,WARN", "59,WARN", "60,FAIL", "100,FAIL", "200,FAIL"})
    void verdictAtEachBoundaryWithSwap(String value, Status expected) {
        host.sysctl("vm.swappiness", value);
        Result r = run();
        assertEquals(expected, r.status(), r.message());
        assertEquals(value, r.observed());
        assertTrue(r.evidence().contains("/proc/sys/vm/swappiness"), r.evidence());
        if (expected != Status.PASS) {
            assertTrue(r.fix().contains("sysctl -w vm.swappiness=1"), r.fix());
            assertTrue(r.fix().contains("/etc/sysctl.d/"), r.fix());
        }
    }

    @Test
    void infoWithoutSwap() {
        host.swap(0).sysctl("vm.swappiness", "60");
        assertEquals(Status.INFO, run().status());
    }

    @Test
    void noSwapsFileMeansNoSwap() {
        host.delete("/proc/swaps").sysctl("vm.swappiness", "60");
        assertEquals(Status.INFO, run().status());
    }

    @Test
    void malformedValueIsAnErrorNamingFileAndContent() {
        host.sysctl("vm.swappiness", "abc");
        Result r = run();
        assertEquals(Status.ERROR, r.status());
        assertTrue(r.message().contains("proc/sys/vm/swappiness") && r.message().contains("'abc'"), r.message());
    }

    @Test
    void emptyFileIsAnError() {
        host.file("/proc/sys/vm/swappiness", "");
        Result r = run();
        assertEquals(Status.ERROR, r.status());
        assertTrue(r.message().contains("''"), r.message());
    }

    @Test
    void missingFileIsAnErrorNamingThePath() {
        Result r = run();
        assertEquals(Status.ERROR, r.status());
        assertTrue(r.message().contains("proc/sys/vm/swappiness") && r.message().contains("no such file"), r.message());
    }

    @Test
    void inAContainerTheFixSaysSetOnTheHost() {
        host.sysctl("vm.swappiness", "60").file("/.dockerenv", "");
        Result r = run();
        assertEquals(Status.FAIL, r.status());
        assertTrue(r.fix().contains("set them on the host"), r.fix());
    }

    @Test
    void policyThresholdsApply() {
        host.sysctl("vm.swappiness", "30");
        dev.dlvaudit.engine.Policy p = new dev.dlvaudit.engine.Policy("test", java.util.Optional.empty(),
                java.util.Map.of(), java.util.Map.of("os.swappiness", java.util.Map.of("fail-at", 20L)),
                java.util.Map.of(), java.util.List.of());
        assertEquals(Status.FAIL, new CheckRunner(root).policy(p).one(new SwappinessCheck()).status());
    }
}
