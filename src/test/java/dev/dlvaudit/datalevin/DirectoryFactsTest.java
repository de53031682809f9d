package dev.dlvaudit.datalevin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** VERSION, txlog/ listing, snapshots and meta-page checks on the fixtures and on made-up copies. */
class DirectoryFactsTest {

    @TempDir
    Path tmp;

    @Test
    void versionFile() throws IOException {
        for (String f : Fixtures.ALL) {
            assertEquals("0.10.7", VersionFile.read(Fixtures.db(f)).orElseThrow(), f);
        }
        assertTrue(VersionFile.read(tmp).isEmpty());
        Files.writeString(tmp.resolve("VERSION"), "\u0000garbage\n");
        assertThrows(IllegalStateException.class, () -> VersionFile.read(tmp));
        assertTrue(VersionFile.compare("0.10.7", "0.9.27") > 0);
        assertEquals(0, VersionFile.compare("0.10.7", "0.10.7"));
    }

    @Test
    void walFilesOfTheFixture() throws IOException {
        WalFiles w = WalFiles.read(Fixtures.db("dl-wal").resolve("txlog"));
        assertEquals(1, w.segments().size());
        assertEquals(1, w.segments().get(0).id());
        assertEquals(1963799, w.segmentBytes());
        assertTrue(w.preallocated().isEmpty());
        assertTrue(w.metaFile().isPresent());
    }

    @Test
    void preallocatedSegmentsCountedApart() throws IOException {
        Path txlog = Files.createDirectories(tmp.resolve("txlog"));
        Files.write(txlog.resolve("segment-0000000000000001.wal"), new byte[100]);
        Files.write(txlog.resolve("segment-0000000000000002.wal"), new byte[50]);
        try (var ch = java.nio.channels.FileChannel.open(txlog.resolve("segment-0000000000000003.wal.tmp"),
                java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(0).position(268435455L).write(java.nio.ByteBuffer.wrap(new byte[1])); // sparse 256 MiB
        }
        Files.write(txlog.resolve("sync.lock"), new byte[0]);
        Files.write(txlog.resolve("segment-1.wal"), new byte[7]); // not Datalevin's name pattern
        WalFiles w = WalFiles.read(txlog);
        assertEquals(2, w.segments().size());
        assertEquals(150, w.segmentBytes());
        assertEquals(1, w.preallocated().size());
        assertEquals(268435456L, w.preallocatedBytes());
        assertEquals(List.of("sync.lock"), w.lockFiles());
        assertTrue(w.metaFile().isEmpty());
    }

    @Test
    void snapshotsOfTheFixtures() {
        List<DatabaseCopy> one = DatabaseCopy.snapshots(Fixtures.db("dl-wal"));
        assertEquals(1, one.size());
        DatabaseCopy c = one.get(0);
        assertTrue(c.valid(), c.problem());
        assertEquals("", c.problem());
        assertEquals(4096, c.facts().pageSize());
        assertEquals(1, c.facts().current().orElseThrow().version());
        // snapshot.edn :completed-ms 1795467587103
        assertEquals(Instant.ofEpochMilli(1795467587103L), c.taken().orElseThrow());
        List<DatabaseCopy> two = DatabaseCopy.snapshots(Fixtures.db("dl-default-live-lock"));
        assertEquals(2, two.size());
        assertEquals(Instant.ofEpochMilli(1795467723713L), two.get(0).taken().orElseThrow());
        assertEquals(Instant.ofEpochMilli(1795467723684L), two.get(1).taken().orElseThrow());
        assertTrue(DatabaseCopy.snapshots(Fixtures.db("kv-default")).isEmpty());
    }

    @Test
    void everyFixtureDatabaseIsAValidCopy() {
        for (String f : Fixtures.ALL) {
            DatabaseCopy c = DatabaseCopy.of(Fixtures.db(f), "backup copy");
            assertTrue(c.valid(), f + ": " + c.problem());
        }
    }

    @Test
    void damagedCopiesAreInvalid() throws IOException {
        byte[] good = Files.readAllBytes(Fixtures.db("kv-default").resolve("data.mdb"));
        Path a = Files.createDirectories(tmp.resolve("2026-01-01"));
        byte[] badMagic = good.clone();
        badMagic[4096 + 16] = 0; // meta page 1's magic
        Files.write(a.resolve("data.mdb"), badMagic);
        DatabaseCopy m = DatabaseCopy.of(a, "backup copy");
        assertFalse(m.valid());
        assertTrue(m.problem().contains(a.resolve("data.mdb").toString()) && m.problem().contains("magic"),
                m.problem());

        Path b = Files.createDirectories(tmp.resolve("2026-01-02"));
        byte[] version = good.clone();
        version[20] = (byte) 0xE7; // 999
        version[21] = 0x03;
        Files.write(b.resolve("data.mdb"), version);
        assertTrue(DatabaseCopy.of(b, "backup copy").problem().contains("999"),
                DatabaseCopy.of(b, "backup copy").problem());

        Path c = Files.createDirectories(tmp.resolve("2026-01-03"));
        Files.write(c.resolve("data.mdb"), new byte[0]);
        DatabaseCopy empty = DatabaseCopy.of(c, "backup copy");
        assertFalse(empty.valid());
        assertTrue(empty.problem().contains("data.mdb"), empty.problem());

        Path d = Files.createDirectories(tmp.resolve("2026-01-04"));
        Files.write(d.resolve("data.mdb"), good);
        Files.setLastModifiedTime(d.resolve("data.mdb"), FileTime.from(Instant.parse("2026-01-04T03:00:00Z")));

        Files.createDirectories(tmp.resolve("empty-dir"));

        // both meta pages intact, the file cut short: only a reader that follows the pages sees it
        Path e = Files.createDirectories(tmp.resolve("2026-01-05"));
        Files.write(e.resolve("data.mdb"), java.util.Arrays.copyOf(good, good.length / 2));
        DatabaseCopy cut = DatabaseCopy.of(e, "backup copy");
        assertFalse(cut.valid());
        assertTrue(cut.problem().contains(e.resolve("data.mdb").toString()), cut.problem());

        List<DatabaseCopy> copies = DatabaseCopy.backups(tmp);
        assertEquals(6, copies.size());
        assertEquals(1, copies.stream().filter(DatabaseCopy::valid).count());
        DatabaseCopy valid = copies.stream().filter(DatabaseCopy::valid).findFirst().orElseThrow();
        assertEquals(Instant.parse("2026-01-04T03:00:00Z"), valid.taken().orElseThrow());
        assertTrue(valid.takenSource().endsWith("modification time"));
    }
}
