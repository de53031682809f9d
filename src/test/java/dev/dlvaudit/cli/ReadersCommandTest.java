package dev.dlvaudit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlvaudit.db.DatabaseFacts;
import dev.dlvaudit.db.DatabaseReader;
import dev.dlvaudit.db.Fixtures;
import dev.dlvaudit.host.ReaderProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code readers} against a fake host's /proc: alive by maps, alive by /proc/locks, stale, reused. */
class ReadersCommandTest {

    static String majMin(long dev) {
        long major = ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
        long minor = (dev & 0xff) | ((dev >>> 12) & ~0xffL);
        return String.format("%02x:%02x", major, minor);
    }

    @Test
    void readerTableWithLagAndLiveness(@TempDir Path host) throws Exception {
        Path db = Fixtures.lmdb("dlmdb1-live-readers").resolve("db");
        DatabaseFacts f = DatabaseReader.read(db);
        // 15147 maps data.mdb; 15152 holds a lock on lock.mdb; 15157 is gone
        Path p1 = Files.createDirectories(host.resolve("proc/15147"));
        Files.writeString(p1.resolve("comm"), "java\n");
        Files.writeString(p1.resolve("maps"), "7f00000000-7f01000000 r--s 00000000 " + majMin(f.dataFileDevice()) + " "
                + f.dataFileInode() + "                    /var/lib/datalevin/db/data.mdb\n");
        Path p2 = Files.createDirectories(host.resolve("proc/15152"));
        Files.writeString(p2.resolve("comm"), "dtlv\n");
        Files.writeString(p2.resolve("maps"), "");
        Files.writeString(host.resolve("proc/locks"), "1: POSIX  ADVISORY  READ 15152 " + majMin(f.lock().device()) + ":"
                + f.lock().inode() + " 0 0\n2: -> POSIX  ADVISORY  WRITE 15147 00:00:1 0 0\n");

        StatsCommandTest.Out o = StatsCommandTest.run("--host-root", host.toString(), "readers", db.toString());
        assertEquals(0, o.exit(), o.err());
        String[] lines = o.out().split("\n");
        assertTrue(o.out().contains("Max readers: 126") && o.out().contains("Readers high-water: 3")
                && o.out().contains("Current txnid: 8"), o.out());
        assertTrue(lines[lines.length - 3].matches("\\s*0\\s+15147\\s+0x7f913d815740\\s+3\\s+5\\s+alive\\s+java"), o.out());
        assertTrue(lines[lines.length - 2].matches("\\s*1\\s+15152\\s+0x7f717596a740\\s+6\\s+2\\s+alive\\s+dtlv"), o.out());
        assertTrue(lines[lines.length - 1].matches("\\s*2\\s+15157\\s+0x7fccc0efe740\\s+8\\s+0\\s+stale\\s+-"), o.out());

        StatsCommandTest.Out j = StatsCommandTest.run("--host-root", host.toString(), "readers", "--format", "json", db.toString());
        JsonNode r = new ObjectMapper().readTree(j.out()).path("readers");
        assertEquals(3, r.size());
        assertEquals(5, r.get(0).path("lag").asLong());
        assertEquals("alive", r.get(1).path("state").asText());
        assertEquals("stale", r.get(2).path("state").asText());

        StatsCommandTest.Out s = StatsCommandTest.run("--host-root", host.toString(), "stats", db.toString());
        assertTrue(s.out().contains("  Readers active: 3\n  Readers high-water: 3\n  Readers max: 126\n"
                + "  Oldest reader lag: 5 transactions\n  Stale reader pids: 15157 (stale)\n"), s.out());
    }

    @Test
    void reusedPid(@TempDir Path host) throws Exception {
        Path p = Files.createDirectories(host.resolve("proc/4242"));
        Files.writeString(p.resolve("comm"), "sshd\n");
        Files.writeString(p.resolve("maps"), "55d0-55d1 r-xp 00000000 08:01 12345 /usr/sbin/sshd\n");
        ReaderProcess rp = ReaderProcess.check(host, 4242, 999, -1, 998, -1);
        assertEquals(ReaderProcess.State.REUSED, rp.state());
        assertTrue(rp.state().stale());
        assertEquals("sshd", rp.command().orElseThrow());
        assertEquals(ReaderProcess.State.STALE, ReaderProcess.check(host, 4243, 999, -1, 998, -1).state());
    }

    @Test
    void noLockFile(@TempDir Path tmp) throws Exception {
        Path db = tmp.resolve("db");
        Fixtures.copyTree(Fixtures.lmdb("lmdb09-empty").resolve("db"), db);
        Files.delete(db.resolve("lock.mdb"));
        StatsCommandTest.Out o = StatsCommandTest.run("readers", db.toString());
        assertEquals(0, o.exit(), o.err());
        assertTrue(o.out().startsWith("No lock file"), o.out());
        assertTrue(!Files.exists(db.resolve("lock.mdb")));
    }
}
