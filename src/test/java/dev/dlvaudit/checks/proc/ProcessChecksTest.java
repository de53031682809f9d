package dev.dlvaudit.checks.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.Status;
import dev.dlvaudit.api.Target;
import dev.dlvaudit.engine.Result;
import dev.dlvaudit.testing.CheckRunner;
import dev.dlvaudit.testing.FakeDataFile;
import dev.dlvaudit.testing.FakeHost;
import dev.dlvaudit.testing.FakeProcess;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** proc.address-space, file-size, open-files, heap-vs-cache, cgroup-memory at their boundaries. */
class ProcessChecksTest {
    static final long GIB = 1L << 30;
    static final String DB = "/var/lib/app/db";
    @TempDir
    Path root;
    FakeHost host;
    Target target;
    FakeProcess process;

    @BeforeEach
    void setUp() {
        host = new FakeHost(root).file("/proc/meminfo", "MemTotal:       16777216 kB\nMemFree: 1000 kB\n")
                .file("/etc/passwd", "app:x:1000:1000::/home/app:/bin/sh\n")
                .file("/sys/fs/cgroup/cgroup.controllers", "memory\n");
        FakeDataFile.write(host.path(DB + "/data.mdb"), 10 * GIB, (4 * GIB) / 4096 - 1); // map 10 GiB, used 4 GiB
        target = new Target(host.path(DB), null);
        process = new FakeProcess(host, 4242).maps(DB + "/data.mdb", 10 * GIB, 1024 * 1024)
                .args("/usr/bin/java", "-Xmx4g", "-jar", "app.jar");
    }

    private Result one(Check check) {
        return new CheckRunner(root).one(check, target);
    }

    @ParameterizedTest
    @CsvSource({"unlimited,PASS", "15032385536,PASS", "15032385535,FAIL", "1073741824,FAIL"})
    void addressSpaceAgainstMapPlusHeap(String limit, Status expected) { // 10 GiB map + 4 GiB heap = 15032385536
        process.limits(limit, "unlimited", "65535");
        Result r = one(new AddressSpaceCheck());
        assertEquals(expected, r.status(), r.message());
        assertEquals("pid 4242 (java)", r.subject());
        assertTrue(r.evidence().contains("/proc/4242/limits"), r.evidence());
        if (expected == Status.FAIL) {
            assertTrue(r.fix().contains("prlimit --pid 4242 --as=unlimited") && r.fix().contains("LimitAS=infinity"), r.fix());
        }
    }

    @ParameterizedTest
    @CsvSource({"unlimited,PASS", "10737418240,PASS", "10737418239,FAIL"})
    void fileSizeAgainstMapSize(String limit, Status expected) {
        process.limits("unlimited", limit, "65535");
        Result r = one(new FileSizeCheck());
        assertEquals(expected, r.status(), r.message());
        if (expected == Status.FAIL) {
            assertTrue(r.fix().contains("--fsize=unlimited") && r.fix().contains("LimitFSIZE"), r.fix());
        }
    }

    @ParameterizedTest
    @CsvSource({"unlimited,PASS", "65535,PASS", "65534,WARN", "1024,WARN"})
    void openFiles(String limit, Status expected) {
        process.limits("unlimited", "unlimited", limit);
        Result r = one(new OpenFilesCheck());
        assertEquals(expected, r.status(), r.message());
        if (expected == Status.WARN) {
            assertTrue(r.fix().contains("LimitNOFILE=65535"), r.fix());
        }
    }

    @ParameterizedTest
    @CsvSource({"-Xmx8g,PASS", "-Xmx8193m,WARN", "-Xmx12g,WARN", "-XX:MaxRAMPercentage=50,PASS",
        "-XX:MaxRAMPercentage=75,WARN", "-Dnothing=1,PASS"})
    void heapAgainstHalfOfMemory(String heapFlag, Status expected) { // 16 GiB RAM, 1 GiB hot
        process.args("/usr/bin/java", heapFlag, "-jar", "app.jar");
        Result r = one(new HeapVsCacheCheck());
        assertEquals(expected, r.status(), r.message() + " " + r.observed());
        if (expected == Status.WARN) {
            assertTrue(r.fix().contains("-Xmx8192m"), r.fix());
        }
    }

    @Test
    void heapAgainstHotDataLargerThanHalfOfMemory() {
        process = new FakeProcess(host, 4242).maps(DB + "/data.mdb", 10 * GIB, 10L * 1024 * 1024) // 10 GiB hot
                .args("/usr/bin/java", "-Xmx6g", "-jar", "app.jar"); // leaves 10 GiB: exactly enough
        assertEquals(Status.PASS, one(new HeapVsCacheCheck()).status());
        process.args("/usr/bin/java", "-Xmx6145m", "-jar", "app.jar");
        assertEquals(Status.WARN, one(new HeapVsCacheCheck()).status());
    }

    @Test
    void heapUsesTheCgroupLimitAsMemory() {
        host.file("/sys/fs/cgroup/system.slice/app.service/memory.max", String.valueOf(8 * GIB));
        process.args("/usr/bin/java", "-Xmx5g", "-jar", "app.jar"); // 3 GiB of 8 left: below half
        Result r = one(new HeapVsCacheCheck());
        assertEquals(Status.WARN, r.status(), r.observed());
        assertTrue(r.evidence().contains("memory.max"), r.evidence());
    }

    @Test
    void heapIsInfoForANonJvm() {
        process.comm("mdb_copy").args("mdb_copy", DB);
        assertEquals(Status.INFO, one(new HeapVsCacheCheck()).status());
    }

    @Test
    void cgroupLimitAgainstTheDatabaseAndOomKills() {
        CheckRunner runner = new CheckRunner(root);
        assertEquals(Status.PASS, runner.one(new CgroupMemoryCheck(), target).status(), "no limit");
        // 4 GiB used, ratio 0.5: needs 2 GiB beside the 4 GiB heap
        host.file("/sys/fs/cgroup/system.slice/app.service/memory.max", String.valueOf(6 * GIB));
        assertEquals(Status.PASS, new CheckRunner(root).one(new CgroupMemoryCheck(), target).status());
        host.file("/sys/fs/cgroup/system.slice/app.service/memory.max", String.valueOf(6 * GIB - 1));
        Result r = new CheckRunner(root).one(new CgroupMemoryCheck(), target);
        assertEquals(Status.WARN, r.status(), r.message());
        assertTrue(r.fix().contains("6 GiB"), r.fix());
        host.file("/sys/fs/cgroup/system.slice/app.service/memory.max", String.valueOf(64 * GIB))
                .file("/sys/fs/cgroup/system.slice/app.service/memory.events", "oom 2\noom_kill 2\n");
        List<Result> results = new CheckRunner(root).run(new CgroupMemoryCheck(), target);
        assertEquals(List.of(Status.WARN, Status.PASS), results.stream().map(Result::status).toList());
        assertTrue(results.get(0).message().contains("OOM killer") && results.get(0).observed().equals("oom_kill 2"));
    }

    @Test
    void cgroupV1LimitAndOomControl() {
        host.delete("/sys/fs/cgroup/cgroup.controllers")
                .file("/sys/fs/cgroup/memory/docker/abc/memory.limit_in_bytes", String.valueOf(GIB))
                .file("/sys/fs/cgroup/memory/memory.limit_in_bytes", "9223372036854771712\n")
                .file("/sys/fs/cgroup/memory/docker/abc/memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 0\n");
        process.cgroup("4:memory:/docker/abc\n1:cpu:/\n");
        Result r = one(new CgroupMemoryCheck());
        assertEquals(Status.WARN, r.status(), r.message());
        assertTrue(r.evidence().contains("memory.limit_in_bytes"), r.evidence());
    }

    @Test
    void noProcessIsInfoAndOptionsFileAloneIsSkip() {
        host.delete("/proc/4242/maps");
        for (Check c : List.of(new AddressSpaceCheck(), new FileSizeCheck(), new OpenFilesCheck(),
                new HeapVsCacheCheck(), new CgroupMemoryCheck())) {
            Result r = one(c);
            assertEquals(Status.INFO, r.status(), c.spec().id());
            assertTrue(r.message().contains("no process has this database open"), r.message());
        }
        target = new Target(null, host.path("/etc/app.edn"));
        assertEquals(Status.SKIP, one(new OpenFilesCheck()).status());
    }

    @Test
    void unreadableDataFileIsAnError() {
        host.file(DB + "/data.mdb", "short");
        Result r = one(new FileSizeCheck());
        assertEquals(Status.ERROR, r.status());
        assertTrue(r.message().contains("data.mdb"), r.message());
    }
}
