package dev.dlvaudit.checks.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class OvercommitCheckTest {
    @TempDir
    Path root;
    FakeHost host;

    @BeforeEach
    void setUp() {
        host = new FakeHost(root).goodKernel();
    }

    private Result run() {
        return new CheckRunner(root).one(new OvercommitCheck());
    }

    private void commit(long committedKib, long limitKib) {
        Map<String, Long> mem = new LinkedHashMap<>();
        mem.put("MemTotal", 16L << 20);
        mem.put("CommitLimit", limitKib);
        mem.put("Committed_AS", committedKib);
        host.meminfo(mem);
    }

    @ParameterizedTest
    @CsvSource({"0,INFO", "1,INFO"})
    void heuristicAndAlwaysAreInfo(String mode, Status expected) {
        host.sysctl("vm.overcommit_memory", mode).delete("/proc/meminfo");
        Result r = run();
        assertEquals(expected, r.status(), r.message());
        assertTrue(r.message().contains("no commit charge"), r.message());
    }

    @ParameterizedTest
    @CsvSource({"900,1000,PASS", "901,1000,WARN", "1200,1000,WARN", "0,1000,PASS"})
    void strictModeWarnsAboveNinetyPercent(long committed, long limit, Status expected) {
        host.sysctl("vm.overcommit_memory", "2");
        commit(committed, limit);
        Result r = run();
        assertEquals(expected, r.status(), r.message());
        assertTrue(r.evidence().contains("proc/meminfo"), r.evidence());
        if (expected == Status.WARN) {
            assertTrue(r.message().contains("costs no commit charge") && r.message().contains("not the cause"),
                    r.message());
            assertFalse(r.message().toLowerCase().contains("increase the map"), r.message());
            assertTrue(r.fix().contains("sysctl -w vm.overcommit_memory=0") && r.fix().contains("overcommit_ratio")
                    && r.fix().contains("/etc/sysctl.d/"), r.fix());
        }
    }

    @Test
    void strictModeWithoutCommitFieldsIsAnErrorNamingMeminfo() {
        host.sysctl("vm.overcommit_memory", "2").meminfo(Map.of("MemTotal", 1L << 20));
        Result r = run();
        assertEquals(Status.ERROR, r.status());
        assertTrue(r.message().contains("proc/meminfo: no Committed_AS line"), r.message());
    }

    @ParameterizedTest
    @CsvSource({"3", "abc", "-1"})
    void unknownModeIsAnErrorNamingFileAndContent(String mode) {
        host.sysctl("vm.overcommit_memory", mode);
        Result r = run();
        assertEquals(Status.ERROR, r.status());
        assertTrue(r.message().contains("proc/sys/vm/overcommit_memory") && r.message().contains("'" + mode + "'"),
                r.message());
    }

    @Test
    void missingSettingIsAnErrorNamingThePath() {
        host.delete("/proc/sys/vm/overcommit_memory");
        assertTrue(run().message().contains("overcommit_memory: no such file"));
    }

    @Test
    void policyChangesTheRatio() {
        host.sysctl("vm.overcommit_memory", "2");
        commit(600, 1000);
        Policy p = new Policy("test", Optional.empty(), Map.of(),
                Map.of("os.overcommit", Map.of("warn-ratio", 0.5)), Map.of(), List.of());
        assertEquals(Status.WARN, new CheckRunner(root).policy(p).one(new OvercommitCheck()).status());
    }

    @Test
    void inAContainerTheFixSaysSetOnTheHost() {
        host.sysctl("vm.overcommit_memory", "2").file("/.dockerenv", "");
        commit(990, 1000);
        assertTrue(run().fix().contains("set them on the host"));
    }
}
