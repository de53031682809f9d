package dev.dlvaudit.host.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlvaudit.host.HostFiles;
import dev.dlvaudit.testing.FakeHost;
import dev.dlvaudit.testing.FakeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessScannerTest {
    static final long GIB = 1L << 30;
    @TempDir
    Path root;
    FakeHost host;
    Path dataFile;

    @BeforeEach
    void setUp() {
        host = new FakeHost(root).file("/var/lib/app/db/data.mdb", "x")
                .file("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\napp:x:1000:1000::/home/app:/bin/sh\n")
                .file("/sys/fs/cgroup/cgroup.controllers", "memory\n")
                .file("/sys/fs/cgroup/system.slice/memory.max", "max\n")
                .file("/sys/fs/cgroup/system.slice/app.service/memory.max", "8589934592\n")
                .file("/sys/fs/cgroup/system.slice/app.service/memory.events", "low 0\nhigh 0\nmax 3\noom 1\noom_kill 1\n");
        dataFile = host.path("/var/lib/app/db/data.mdb");
    }

    private DatabaseProcesses scan() {
        return new ProcessScanner(new HostFiles(root)).scan(dataFile);
    }

    @Test
    void findsTheProcessMappingTheDataFileWithItsFacts() {
        new FakeProcess(host, 100).maps("/var/lib/app/db/data.mdb", 10 * GIB, 262144)
                .faults(777, 42).limits("unlimited", "unlimited", "4096")
                .args("/usr/bin/java", "-Xmx6g", "-XX:MaxRAMPercentage=50", "-jar", "app.jar");
        new FakeProcess(host, 200).comm("bash").args("bash");
        new FakeProcess(host, 300).maps("/var/lib/other/data.mdb", GIB, 100, 999);
        DatabaseProcesses found = scan();
        assertEquals(3, found.scanned());
        assertEquals(1, found.processes().size(), found.toString());
        ProcessInfo p = found.processes().get(0);
        assertEquals(100, p.pid());
        assertEquals("app", p.user());
        assertEquals(10 * GIB, p.mappedBytes());
        assertEquals(262144L * 1024, p.residentBytes(), "only the data.mdb mapping's Rss");
        assertEquals(777, p.minorFaults());
        assertEquals(42, p.majorFaults());
        assertEquals(2_000_000L * 1024, p.rssBytes());
        assertEquals(4096, p.limits().openFiles().orElseThrow().soft().getAsLong());
        assertTrue(p.limits().addressSpace().orElseThrow().soft().isEmpty(), "unlimited");
        assertEquals(6 * GIB, p.jvm().orElseThrow().maxHeapFor(100 * GIB), "-Xmx wins over MaxRAMPercentage");
        assertEquals(8L * GIB, p.cgroup().orElseThrow().limitBytes().getAsLong());
        assertEquals(1, p.cgroup().orElseThrow().oomKills().getAsLong());
        assertTrue(p.command().startsWith("/usr/bin/java -Xmx6g"), p.command());
    }

    @Test
    void matchesByInodeWhenTheContainerNamesTheFileDifferently() throws Exception {
        long inode = ((Number) Files.getAttribute(dataFile, "unix:ino")).longValue();
        new FakeProcess(host, 400).maps("/data/db/data.mdb", GIB, 10, inode);
        new FakeProcess(host, 500).maps("/data/db/data.mdb", GIB, 10, inode + 1);
        DatabaseProcesses found = scan();
        assertEquals(List.of(400), found.processes().stream().map(ProcessInfo::pid).toList());
    }

    @Test
    void noProcessIsNotAnError() {
        new FakeProcess(host, 200).comm("bash").args("bash");
        DatabaseProcesses found = scan();
        assertTrue(found.processes().isEmpty());
        assertTrue(found.noneFound().contains("no process has this database open"), found.noneFound());
    }

    @Test
    void jvmHeapSettings() {
        assertEquals(25 * GIB / 100 * 4, JvmHeap.of(List.of("java", "-jar", "x.jar"), "java").orElseThrow().maxHeapFor(4 * GIB));
        assertEquals(3 * GIB, JvmHeap.of(List.of("java", "-XX:MaxRAMPercentage=75.0"), "java").orElseThrow().maxHeapFor(4 * GIB));
        assertEquals(512L << 20, JvmHeap.of(List.of("/opt/jdk/bin/java", "-Xmx512m"), "java").orElseThrow().maxHeapFor(4 * GIB));
        assertEquals(2 * GIB, JvmHeap.of(List.of("java", "-XX:MaxHeapSize=2G"), "java").orElseThrow().maxHeapFor(4 * GIB));
        assertTrue(JvmHeap.of(List.of("/usr/bin/python3", "app.py"), "python3").isEmpty());
    }

    @Test
    void fiveHundredProcessesScanTime() {
        for (int pid = 1000; pid < 1500; pid++) {
            FakeProcess p = new FakeProcess(host, pid).libraries(60);
            if (pid % 100 == 0) {
                p.maps("/var/lib/app/db/data.mdb", GIB, 1000);
            }
        }
        ProcessScanner scanner = new ProcessScanner(new HostFiles(root));
        long coldStart = System.nanoTime();
        scanner.scan(dataFile); // the first scan: a cold JIT, as in a one-shot CLI run
        long cold = System.nanoTime() - coldStart;
        long best = Long.MAX_VALUE;
        DatabaseProcesses found = null;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            found = new ProcessScanner(new HostFiles(root)).scan(dataFile);
            best = Math.min(best, System.nanoTime() - start);
        }
        assertEquals(5, found.processes().size());
        assertEquals(500, found.scanned());
        System.out.printf("[bench] discovery over 500 fake processes (62 mappings each): first %.1f ms,"
                + " then best of 5 %.1f ms (goal < 300 ms)%n", cold / 1e6, best / 1e6);
    }
}
