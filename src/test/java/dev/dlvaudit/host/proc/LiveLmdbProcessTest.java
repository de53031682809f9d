package dev.dlvaudit.host.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlvaudit.host.HostFiles;
import dev.dlvaudit.testing.LmdbHolder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real process (a child JVM running stock LMDB through lmdbjava) holds a database open with a
 * write transaction: discovery must find it and its resident pages, and the writer mutex must name
 * its writer thread. This is the proof of the mutex layout that WriterMutex relies on.
 */
class LiveLmdbProcessTest {
    @TempDir
    Path dir;
    Process child;
    long childPid;
    int writerTid;
    BufferedReader out;

    @BeforeEach
    void startHolder() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // lmdbjava reaches into java.nio buffers by reflection
        child = new ProcessBuilder(java.toString(), "--add-opens", "java.base/java.nio=ALL-UNNAMED",
                "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                LmdbHolder.class.getName(), dir.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String ready = out.readLine();
        assertTrue(ready != null && ready.startsWith("READY "), "the holder did not start: " + ready);
        String[] f = ready.split(" ");
        childPid = Long.parseLong(f[1]);
        writerTid = Integer.parseInt(f[2]);
        assertEquals(child.pid(), childPid);
    }

    @AfterEach
    void stopHolder() throws Exception {
        child.getOutputStream().close();
        if (!child.waitFor(20, TimeUnit.SECONDS)) {
            child.destroyForcibly();
        }
    }

    @Test
    void discoveryFindsTheProcessAndItsResidentPages() {
        DatabaseProcesses found = new ProcessScanner(new HostFiles(Path.of("/"))).scan(dir.resolve("data.mdb"));
        List<ProcessInfo> mine = found.processes().stream().filter(p -> p.pid() == childPid).toList();
        assertEquals(1, mine.size(), found.toString());
        ProcessInfo p = mine.get(0);
        assertEquals(LmdbHolder.MAP_SIZE, p.mappedBytes());
        assertTrue(p.residentBytes() >= 4L << 20, "4000 values of 1 KiB were read through the map: " + p.residentBytes());
        assertTrue(p.residentBytes() <= p.rssBytes(), "the mapping's Rss is part of the process's RSS");
        assertTrue(p.jvm().isPresent(), "a JVM");
        assertTrue(p.limits().openFiles().isPresent(), p.limits().toString());
        System.out.printf("[live] pid %d maps %d bytes of data.mdb, %d resident%n", p.pid(), p.mappedBytes(), p.residentBytes());
    }

    @Test
    void theWriterMutexNamesTheWriterThreadUntilCommit() throws Exception {
        Path lock = dir.resolve("lock.mdb");
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.READ)) {
            WriterMutex m = WriterMutex.read(ch);
            assertTrue(m.layoutKnown(), String.format("__kind 0x%x", m.kind()));
            assertTrue(m.held());
            assertEquals(writerTid, m.ownerTid(), "__lock holds the writer's tid");
            assertEquals(writerTid, m.owner(), "__owner holds the writer's tid");
            assertFalse(m.waiters());

            ActivitySampler sampler = new ActivitySampler(new HostFiles(Path.of("/")), Duration.ofMillis(10));
            DatabaseActivity a = sampler.sample(List.of((int) childPid), Optional.empty(), lock, Duration.ofMillis(300));
            WriterLockSample s = a.writerLock();
            assertTrue(s.unavailable().isEmpty(), s.toString());
            assertTrue(s.samples() >= 5, s.toString());
            assertEquals(s.samples(), s.held(), "held throughout");
            assertEquals(Integer.valueOf((int) childPid), s.ownerPids().get(writerTid), "tid → pid via /proc/TID/status");
            assertTrue(a.majorFaultsPerSecond().containsKey((int) childPid));

            Writer in = new java.io.OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
            in.write("commit\n");
            in.flush();
            assertEquals("COMMITTED", out.readLine());
            assertFalse(WriterMutex.read(ch).held(), "released after commit");
        }
    }
}
