package dev.dlvaudit.checks.db;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.Status;
import dev.dlvaudit.api.Target;
import dev.dlvaudit.db.DatabaseFacts;
import dev.dlvaudit.db.DatabaseReader;
import dev.dlvaudit.db.Fixtures;
import dev.dlvaudit.engine.Policy;
import dev.dlvaudit.engine.Result;
import dev.dlvaudit.facts.DataFileSpace;
import dev.dlvaudit.testing.CheckRunner;
import dev.dlvaudit.testing.FakeHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each database check at its verdict boundaries, on the fixtures and on fixture facts edited to a boundary. */
class DbChecksTest {
    @TempDir
    Path host;

    static Target lmdb(String fixture) {
        return new Target(Fixtures.lmdbEnv(fixture), null);
    }

    static Policy policy(Map<String, Object> global, String profile) {
        return new Policy("test", Optional.ofNullable(profile), global, Map.of(), Map.of(), List.of());
    }

    Result one(Check check, Target target) {
        return new CheckRunner(host).one(check, target);
    }

    List<Result> all(Check check, Target target) {
        return new CheckRunner(host).run(check, target);
    }

    static void assertResult(Status status, String words, Result r) {
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.message().contains(words), () -> "expected '" + words + "' in: " + r.message());
    }

    // ---- db.format ----

    @Test
    void formatInfoNamesEngineLayoutAndDatalevinVersion() {
        Result r = one(new FormatCheck(), lmdb("dlmdb1-datalevin-like"));
        assertResult(Status.INFO, "DLMDB format 1", r);
        assertTrue(r.observed().contains("even-padded keys") && r.observed().contains("lock file DLMDB 0x2c2f6002"),
                r.observed());
        assertResult(Status.INFO, "stock LMDB", one(new FormatCheck(), lmdb("lmdb09-overflow")));
        Result dl = one(new FormatCheck(), new Target(Fixtures.datalevin("kv-default").resolve("db"), null));
        assertTrue(dl.observed().contains("Datalevin 0.10.7 (VERSION)"), dl.observed());
        Result nosubdir = one(new FormatCheck(), lmdb("lmdb09-nosubdir"));
        assertResult(Status.INFO, "(MDB_NOSUBDIR)", nosubdir);
        assertTrue(nosubdir.evidence().contains("x.db"), nosubdir.evidence());
    }

    @Test
    void formatFailsWhereTheLibraryWouldRefuseCrashOrStartEmpty() {
        List<Result> both = all(new FormatCheck(), lmdb("dlmdb1-damaged-both-metas-bad-magic"));
        assertEquals(1, both.size(), both.toString());
        assertResult(Status.FAIL, "Datalevin will not open this database (MDB_INVALID)", both.get(0));
        assertTrue(both.get(0).message().contains("meta page 0") && both.get(0).message().contains("meta page 1"));

        Result meta0 = one(new FormatCheck(), lmdb("lmdb09-damaged-meta0-bad-magic"));
        assertResult(Status.FAIL, "Datalevin will not open this database (MDB_INVALID)", meta0);
        assertTrue(meta0.observed().contains("meta 1 (current): version 1, txnid 1"), meta0.observed());

        assertResult(Status.FAIL, "Datalevin will not open this database (MDB_VERSION_MISMATCH)",
                one(new FormatCheck(), lmdb("dlmdb1-damaged-version-999")));
        assertResult(Status.FAIL, "an empty database will be created at the next open: the data is gone",
                one(new FormatCheck(), lmdb("dlmdb1-damaged-zero-length-data")));
        Result truncated = one(new FormatCheck(), lmdb("dlmdb1-damaged-truncated-mid-page"));
        assertResult(Status.FAIL, "SIGBUS at the next touch of a missing page", truncated);
        assertTrue(truncated.observed().contains("meta 0 (current): version 1, txnid 2, last page 123"), truncated.observed());
        Result lock = one(new FormatCheck(), lmdb("dlmdb1-lock-rewritten-by-lmdb09"));
        assertResult(Status.FAIL, "Datalevin will fail with MDB_VERSION_MISMATCH until lock.mdb is removed while no"
                + " process has the database open", lock);
        assertTrue(lock.fix().startsWith("With every process using the database stopped: rm "), lock.fix());
        assertResult(Status.WARN, "the lock file is damaged", one(new FormatCheck(), lmdb("lmdb09-damaged-lock-bogus-format")));
    }

    @Test
    void formatErrorsWhenTheFilesCannotBeRead() {
        Result noData = one(new FormatCheck(), lmdb("dlmdb1-damaged-lock-only-no-data"));
        assertResult(Status.ERROR, "no data.mdb", noData);
        assertTrue(noData.message().contains("Datalevin will create a new, empty database here at the next open"));
        assertResult(Status.ERROR, "no such file or directory",
                one(new FormatCheck(), new Target(host.resolve("missing"), null)));
    }

    @Test
    void anOptionsFileAloneIsSkipped() {
        Target opts = new Target(null, host.resolve("opts.edn"));
        for (Check c : List.of(new FormatCheck(), new MapHeadroomCheck(), new DiskRoomCheck(), new MaxReadersCheck(),
                new ReaderSlotsCheck(), new StaleReadersCheck(), new LongReadersCheck(), new FreeListCheck(),
                new PermissionsCheck())) {
            assertResult(Status.SKIP, "needs a live database directory", one(c, opts));
        }
    }

    @Test
    void damagedDatabasesAreNotJudgedByTheOtherChecks() {
        for (Check c : List.of(new MapHeadroomCheck(), new DiskRoomCheck(), new MaxReadersCheck(), new ReaderSlotsCheck(),
                new StaleReadersCheck(), new LongReadersCheck(), new FreeListCheck())) {
            assertResult(Status.ERROR, "MDB_VERSION_MISMATCH", one(c, lmdb("dlmdb1-damaged-version-999")));
            assertResult(Status.ERROR, "truncated", one(c, lmdb("dlmdb1-damaged-truncated-mid-page")));
            assertResult(Status.ERROR, "no data.mdb", one(c, lmdb("dlmdb1-damaged-lock-only-no-data")));
            assertResult(Status.ERROR, "MDB_INVALID", one(c, lmdb("lmdb09-damaged-meta0-bad-magic")));
        }
        assertResult(Status.ERROR, "lock.mdb: truncated",
                one(new ReaderSlotsCheck(), lmdb("dlmdb1-damaged-lock-truncated-100")));
        assertResult(Status.ERROR, "shorter than its 128-byte header",
                one(new MaxReadersCheck(), lmdb("dlmdb1-damaged-lock-truncated-100")));
    }

    // ---- db.map-headroom ----

    @Test
    void mapHeadroomOnFixtures() {
        Result full = one(new MapHeadroomCheck(), lmdb("dlmdb1-map-nearly-full"));
        assertResult(Status.FAIL, "of the map", full);
        assertTrue(full.message().contains("grows the map ten-fold") && full.fix().contains(":mapsize"), full.toString());
        assertTrue(full.fix().contains("dtlv copy -c"), full.fix());
        assertResult(Status.PASS, "3.1 % of the map", one(new MapHeadroomCheck(), lmdb("dlmdb1-freelist-heavy")));
    }

    @Test
    void mapHeadroomBoundaries() {
        DatabaseFacts base = DatabaseReader.read(Fixtures.lmdbEnv("dlmdb1-freelist-heavy"));
        long map = 1000L * 4096;
        // last page 499 → 500 pages = 50 % exactly; 501 pages → above 50 %; 800 pages = 80 %; 801 → above
        Object[][] cases = {{499L, Status.PASS}, {500L, Status.WARN}, {799L, Status.WARN}, {800L, Status.FAIL}};
        for (Object[] c : cases) {
            DatabaseFacts f = Synthetic.withMap(base, map, (Long) c[0]);
            Result r = new CheckRunner(host).with(Synthetic.facts(f)).one(new MapHeadroomCheck(), lmdb("dlmdb1-freelist-heavy"));
            assertEquals(c[1], r.status(), "last page " + c[0] + ": " + r);
        }
        // the policy moves the boundaries
        DatabaseFacts sixty = Synthetic.withMap(base, map, 599);
        Result r = new CheckRunner(host).with(Synthetic.facts(sixty)).policy(policy(Map.of("warn-ratio", 0.7), null))
                .one(new MapHeadroomCheck(), lmdb("dlmdb1-freelist-heavy"));
        assertEquals(Status.PASS, r.status(), r.toString());
    }

    @Test
    void mapHeadroomAgainstTheExpectedDataSize() {
        // dlmdb1-freelist-heavy: 64 MiB map, 2 MiB used
        Result small = new CheckRunner(host).policy(policy(Map.of("expected-data-size", "33 MiB"), null))
                .one(new MapHeadroomCheck(), lmdb("dlmdb1-freelist-heavy"));
        assertResult(Status.FAIL, "smaller than twice the expected data size (33 MiB)", small);
        assertTrue(small.fix().contains(":mapsize 66}"), small.fix());
        Result enough = new CheckRunner(host).policy(policy(Map.of("expected-data-size", "32 MiB"), null))
                .one(new MapHeadroomCheck(), lmdb("dlmdb1-freelist-heavy"));
        assertEquals(Status.PASS, enough.status(), enough.toString());
    }

    // ---- db.disk-room ----

    Result diskRoom(long free, Policy policy, String fixture) {
        return new CheckRunner(host).policy(policy)
                .with(Synthetic.provider(DataFileSpace.class, c -> new DataFileSpace(
                        c.fact(DatabaseFacts.class).dataFile(), "/dev/test (ext4)", free)))
                .one(new DiskRoomCheck(), lmdb(fixture));
    }

    @Test
    void diskRoomBoundaries() {
        // dlmdb1-freelist-heavy: map 64 MiB, 511 pages used → may grow by 64 MiB - 511 * 4096
        long growth = 64L * 1024 * 1024 - 511L * 4096;
        assertResult(Status.FAIL, "less than the", diskRoom(growth - 1, Policy.none(), "dlmdb1-freelist-heavy"));
        assertResult(Status.WARN, "less than twice", diskRoom(growth, Policy.none(), "dlmdb1-freelist-heavy"));
        assertResult(Status.WARN, "less than twice", diskRoom(2 * growth - 1, Policy.none(), "dlmdb1-freelist-heavy"));
        assertEquals(Status.PASS, diskRoom(2 * growth, Policy.none(), "dlmdb1-freelist-heavy").status());
        // capped by the expected data size: 10 MiB expected → growth 10 MiB - used
        long capped = 10L * 1024 * 1024 - 511L * 4096;
        Policy p = policy(Map.of("expected-data-size", "10 MiB"), null);
        assertEquals(Status.PASS, diskRoom(2 * capped, p, "dlmdb1-freelist-heavy").status());
        Result r = diskRoom(capped - 1, p, "dlmdb1-freelist-heavy");
        assertResult(Status.FAIL, "less than the", r);
        assertTrue(r.observed().contains("capped by the expected data size 10 MiB"), r.observed());
    }

    @Test
    void diskRoomNamesSigbusForASparseWritemapFile() {
        Result r = diskRoom(1000, Policy.none(), "dlmdb1-writemap");
        assertResult(Status.FAIL, "SIGBUS", r);
        assertTrue(r.message().contains("sparse"), r.message());
    }

    @Test
    void diskRoomOnTheRealFilesystemReadsAFreeSpace() {
        Result r = one(new DiskRoomCheck(), lmdb("dlmdb1-freelist-heavy"));
        assertTrue(r.observed().contains(" free on "), r.observed());
    }

    // ---- db.max-readers ----

    @Test
    void maxReaders(@TempDir Path tmp) throws IOException {
        Result r126 = one(new MaxReadersCheck(), lmdb("dlmdb1-readers-126"));
        assertResult(Status.WARN, "only 126 reader slots", r126);
        assertTrue(r126.fix().contains(":max-readers 1024") && r126.fix().contains("next first open"), r126.fix());
        assertResult(Status.PASS, "1024 reader slots", one(new MaxReadersCheck(), lmdb("lmdb09-readers-1024")));
        // min-readers as the embedded (126) and server (1024) profiles set it; dl-nosync has 256
        Target nosync = new Target(Fixtures.datalevin("dl-nosync").resolve("db"), null);
        assertEquals(Status.PASS, new CheckRunner(host).policy(policy(Map.of("min-readers", 126L), "embedded"))
                .one(new MaxReadersCheck(), lmdb("dlmdb1-readers-126")).status());
        assertEquals(Status.PASS, new CheckRunner(host).policy(policy(Map.of("min-readers", 256L), null))
                .one(new MaxReadersCheck(), nosync).status());
        Result server = new CheckRunner(host).policy(policy(Map.of("min-readers", 1024L), "server"))
                .one(new MaxReadersCheck(), nosync);
        assertResult(Status.WARN, "only 256", server);
        assertTrue(server.expected().equals(">= 1024 reader slots (profile server)"), server.expected());
        Path nolock = tmp.resolve("nolock");
        Fixtures.copyTree(Fixtures.datalevin("kv-default").resolve("db"), nolock);
        Files.delete(nolock.resolve("lock.mdb"));
        assertResult(Status.INFO, "no lock file", one(new MaxReadersCheck(), new Target(nolock, null)));
        assertTrue(Files.notExists(nolock.resolve("lock.mdb")));
    }

    // ---- db.reader-slots ----

    @Test
    void readerSlots() {
        Result live = one(new ReaderSlotsCheck(), lmdb("dlmdb1-live-readers"));
        assertEquals(Status.INFO, live.status(), live.toString());
        assertTrue(live.observed().startsWith("3 in use of 126, high-water 3"), live.observed());
        DatabaseFacts base = DatabaseReader.read(Fixtures.lmdbEnv("dlmdb1-readers-126"));
        // 80 % of 126 = 100.8: 100 slots stay INFO, 101 WARN
        assertEquals(Status.INFO, new CheckRunner(host).with(Synthetic.facts(Synthetic.withSlots(base, 100)))
                .one(new ReaderSlotsCheck(), lmdb("dlmdb1-readers-126")).status());
        assertResult(Status.WARN, "101 of 126 reader slots are in use", new CheckRunner(host)
                .with(Synthetic.facts(Synthetic.withSlots(base, 101))).one(new ReaderSlotsCheck(), lmdb("dlmdb1-readers-126")));
    }

    // ---- db.stale-readers ----

    @Test
    void staleReadersOnAnEmptyProc() {
        List<Result> rs = all(new StaleReadersCheck(), lmdb("dlmdb1-live-readers"));
        assertEquals(List.of("pid 15147", "pid 15152", "pid 15157"), rs.stream().map(Result::subject).toList());
        for (Result r : rs) {
            assertResult(Status.WARN, "is gone", r);
            assertTrue(r.fix().contains("NEVER clear slots with stock LMDB's mdb_stat -rr or lmdbjava"), r.fix());
        }
        assertTrue(rs.get(0).message().contains("pinning txnid 3 (5 behind 8)"), rs.get(0).message());
    }

    @Test
    void aliveReusedAndStale() {
        DatabaseFacts f = DatabaseReader.read(Fixtures.lmdbEnv("dlmdb1-live-readers"));
        FakeHost fake = new FakeHost(host);
        // 15147 maps this data.mdb (by inode, device unknown in the maps line → use the real dev numbers)
        long dev = f.dataFileDevice();
        String majMin = Long.toHexString(((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL)) + ":"
                + Long.toHexString((dev & 0xff) | ((dev >>> 12) & ~0xffL));
        fake.file("/proc/15147/maps", "7f0000000000-7f0000100000 r--s 00000000 " + majMin + " " + f.dataFileInode()
                + " " + f.dataFile() + "\n").file("/proc/15147/comm", "java\n");
        // 15152 is an unrelated process now
        fake.file("/proc/15152/maps", "").file("/proc/15152/comm", "bash\n");
        List<Result> rs = all(new StaleReadersCheck(), lmdb("dlmdb1-live-readers"));
        assertEquals(List.of("pid 15152", "pid 15157"), rs.stream().map(Result::subject).toList(), rs.toString());
        assertResult(Status.WARN, "pid 15152 now belongs to an unrelated process (bash)", rs.get(0));
        fake.file("/proc/15152/maps", fake.path("/proc/15147/maps").toFile().exists() ? readMaps(fake) : "");
        fake.file("/proc/15157/maps", readMaps(fake));
        assertResult(Status.PASS, "all 3 reader process(es) are alive", one(new StaleReadersCheck(), lmdb("dlmdb1-live-readers")));
    }

    private static String readMaps(FakeHost fake) {
        try {
            return Files.readString(fake.path("/proc/15147/maps"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    // ---- db.long-readers ----

    @Test
    void longReaders() {
        // lags 5, 2, 0 at txnid 8
        assertResult(Status.PASS, "worst 5", one(new LongReadersCheck(), lmdb("dlmdb1-live-readers")));
        List<Result> rs = new CheckRunner(host).policy(policy(Map.of("max-lag", 2L), null))
                .run(new LongReadersCheck(), lmdb("dlmdb1-live-readers"));
        assertEquals(1, rs.size(), rs.toString());
        assertResult(Status.WARN, "pid 15147", rs.get(0));
        assertTrue(rs.get(0).message().contains("5 transactions behind"), rs.get(0).message());
        assertTrue(rs.get(0).message().contains("stale"), rs.get(0).message());
    }

    // ---- db.free-list ----

    @Test
    void freeList(@TempDir Path tmp) throws IOException {
        Result heavy = one(new FreeListCheck(), lmdb("dlmdb1-freelist-heavy"));
        assertResult(Status.WARN, "89.2 % of the used pages are free", heavy);
        assertTrue(heavy.observed().startsWith("456 free of 511 used pages"), heavy.observed());
        assertTrue(heavy.fix().contains("dtlv copy -c") && heavy.fix().contains("(d/copy db"), heavy.fix());
        assertEquals(Status.PASS, new CheckRunner(host).policy(policy(Map.of("warn-ratio", 0.9), null))
                .one(new FreeListCheck(), lmdb("dlmdb1-freelist-heavy")).status());
        assertEquals(Status.PASS, one(new FreeListCheck(), lmdb("dlmdb1-many-dbis")).status());
        // DLMDB format 2: meta level only, said explicitly
        Path db = tmp.resolve("f2");
        Fixtures.copyTree(Fixtures.lmdb("dlmdb1-datalevin-like").resolve("db"), db);
        putU32(db.resolve("data.mdb"), 20, 2);
        putU32(db.resolve("data.mdb"), 4096 + 20, 2);
        Result f2 = one(new FreeListCheck(), new Target(db, null));
        assertResult(Status.INFO, "free list not available", f2);
        assertTrue(f2.observed().contains("DLMDB format 2"), f2.observed());
    }

    static void putU32(Path file, long offset, int value) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, value), offset);
        }
    }

    // ---- db.permissions ----

    @Test
    void permissions(@TempDir Path tmp) throws IOException {
        Path db = tmp.resolve("db");
        Fixtures.copyTree(Fixtures.lmdb("dlmdb1-readers-126").resolve("db"), db);
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(db.resolve("data.mdb"), PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(db.resolve("lock.mdb"), PosixFilePermissions.fromString("rw-rw----"));
        assertEquals(Status.PASS, one(new PermissionsCheck(), new Target(db, null)).status());

        Files.setPosixFilePermissions(db.resolve("data.mdb"), PosixFilePermissions.fromString("rw-r--r--"));
        Result readable = one(new PermissionsCheck(), new Target(db, null));
        assertResult(Status.WARN, "world-readable", readable);
        assertTrue(readable.observed().startsWith("rw-r--r-- "), readable.observed());
        assertTrue(readable.fix().startsWith("chmod 600 " + db.resolve("data.mdb")), readable.fix());

        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(db.resolve("lock.mdb"), PosixFilePermissions.fromString("rw-rw-rw-"));
        List<Result> rs = all(new PermissionsCheck(), new Target(db, null));
        assertEquals(List.of(Status.FAIL, Status.WARN, Status.FAIL), rs.stream().map(Result::status).toList(), rs.toString());
        assertEquals(List.of("directory", "data file", "lock file"), rs.stream().map(Result::subject).toList());
        assertTrue(rs.get(0).fix().startsWith("chmod 700 " + db), rs.get(0).fix());
    }
}
