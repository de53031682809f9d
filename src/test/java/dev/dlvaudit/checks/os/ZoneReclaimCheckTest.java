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

class ZoneReclaimCheckTest {
    static final String ONLINE = "/sys/devices/system/node/online";
    @TempDir
    Path root;
    FakeHost host;

    @BeforeEach
    void setUp() {
        host = new FakeHost(root).goodKernel();
    }

    private Result run() {
        return new CheckRunner(root).one(new ZoneReclaimCheck());
    }

    @ParameterizedTest
    @CsvSource({"0,0,INFO", "0,1,INFO", "0-1,0,INFO", "0-1,1,WARN", "0-3,4,WARN", "'0,2',1,WARN"})
    void warnsOnlyWithSeveralNodes(String online, String mode, Status expected) {
        host.file(ONLINE, online + "\n").sysctl("vm.zone_reclaim_mode", mode);
        Result r = run();
        assertEquals(expected, r.status(), r.message());
        assertTrue(r.evidence().contains("proc/sys/vm/zone_reclaim_mode") && r.evidence().contains(ONLINE), r.evidence());
        if (expected == Status.WARN) {
            assertTrue(r.fix().contains("sysctl -w vm.zone_reclaim_mode=0"), r.fix());
            assertTrue(r.fix().contains("vm.zone_reclaim_mode = 0") && r.fix().contains("/etc/sysctl.d/"), r.fix());
        }
    }

    @Test
    void nodeDirectoriesCountWithoutTheOnlineFile() {
        host.delete(ONLINE).dir("/sys/devices/system/node/node0").dir("/sys/devices/system/node/node1")
                .sysctl("vm.zone_reclaim_mode", "1");
        Result r = run();
        assertEquals(Status.WARN, r.status(), r.message());
        assertTrue(r.message().contains("2 NUMA nodes"), r.message());
    }

    @Test
    void noNumaInformationMeansOneNode() throws Exception {
        host.delete(ONLINE);
        java.nio.file.Files.delete(host.path("/sys/devices/system/node"));
        host.sysctl("vm.zone_reclaim_mode", "1");
        Result r = run();
        assertEquals(Status.INFO, r.status(), r.message());
        assertTrue(r.evidence().contains("does not exist"), r.evidence());
    }

    @Test
    void malformedNodeListIsAnErrorNamingFileAndContent() {
        host.file(ONLINE, "abc\n");
        Result r = run();
        assertEquals(Status.ERROR, r.status());
        assertTrue(r.message().contains(ONLINE) && r.message().contains("'abc'"), r.message());
    }

    @Test
    void malformedOrMissingSettingIsAnError() {
        host.sysctl("vm.zone_reclaim_mode", "abc");
        assertTrue(run().message().contains("'abc'"));
        host.delete("/proc/sys/vm/zone_reclaim_mode");
        Result r = run();
        assertEquals(Status.ERROR, r.status());
        assertTrue(r.message().contains("zone_reclaim_mode: no such file"), r.message());
    }

    @Test
    void inAContainerTheFixSaysSetOnTheHost() {
        host.file(ONLINE, "0-1\n").sysctl("vm.zone_reclaim_mode", "1")
                .file("/proc/1/cgroup", "0::/kubepods/burstable/pod1234/abcd\n");
        Result r = run();
        assertTrue(r.fix().contains("kubernetes container") && r.fix().contains("set them on the host"), r.fix());
    }
}
