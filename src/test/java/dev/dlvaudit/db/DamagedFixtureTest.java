package dev.dlvaudit.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Damaged fixtures (and damage made on copies): the right problem, named, with the surviving numbers. */
class DamagedFixtureTest {

    static DatabaseFacts read(String fixture) {
        return DatabaseReader.read(Fixtures.lmdb(fixture).resolve("db"));
    }

    static Problem only(DatabaseFacts f, Problem.Kind kind) {
        List<Problem> ps = f.problems().stream().filter(p -> p.kind() == kind).toList();
        assertFalse(ps.isEmpty(), () -> "no " + kind + " in " + f.problems());
        return ps.get(0);
    }

    @Test
    void bothMetasBadMagic() {
        DatabaseFacts f = read("dlmdb1-damaged-both-metas-bad-magic");
        List<Problem> bad = f.problems().stream().filter(p -> p.kind() == Problem.Kind.META_BAD_MAGIC).toList();
        assertEquals(2, bad.size());
        assertTrue(bad.get(0).message().contains("data.mdb: meta page 0 has bad magic 0xbadc0de5"), bad.get(0).message());
        assertTrue(bad.get(1).message().contains("MDB_INVALID"));
        assertTrue(bad.get(0).message().contains("will refuse to open"));
        assertEquals(-1, f.currentMeta());
        assertEquals(WalkState.NOT_AVAILABLE, f.walkState());
        assertTrue(f.libraryWillFail());
        // what the metas say is still exposed (source: dlmdb1-many-dbis, txn 2 in meta 0, last page 123)
        assertEquals(2, f.metas().get(0).txnid());
        assertEquals(123, f.metas().get(0).lastPage());
        assertEquals(4096, f.pageSize());
    }

    @Test
    void meta0BadMagicStillShowsMeta1() {
        DatabaseFacts f = read("lmdb09-damaged-meta0-bad-magic");
        Problem p = only(f, Problem.Kind.META_BAD_MAGIC);
        assertTrue(p.message().contains("meta page 0") && p.message().contains("MDB_INVALID"), p.message());
        assertEquals(1, f.currentMeta());
        assertEquals(1, f.txnid().getAsLong());
        assertTrue(f.libraryWillFail());
        assertEquals(WalkState.COMPLETE, f.walkState());
        assertEquals(100, f.dbis().size()); // txn 1 of lmdb09-many-dbis created all 100 DBIs
        assertEquals(EngineKind.STOCK_LMDB, f.engine());
    }

    @Test
    void unknownVersion() {
        DatabaseFacts f = read("dlmdb1-damaged-version-999");
        Problem p = only(f, Problem.Kind.META_UNKNOWN_VERSION);
        assertTrue(p.message().contains("data version 999") && p.message().contains("MDB_VERSION_MISMATCH"), p.message());
        assertEquals(-1, f.currentMeta());
        assertEquals(EngineKind.UNKNOWN, f.engine());
        assertEquals(NodeLayout.NOT_AVAILABLE, f.layout());
        assertEquals(999, f.metas().get(0).version());
        assertEquals(2, f.metas().get(0).txnid());
        assertEquals(16777216, f.metas().get(0).mapSize());
        assertTrue(f.libraryWillFail());
    }

    @Test
    void zeroLengthData() {
        DatabaseFacts f = read("dlmdb1-damaged-zero-length-data");
        Problem p = only(f, Problem.Kind.EMPTY_DATA_FILE);
        assertTrue(p.message().contains("data.mdb: zero-length")
                && p.message().contains("the library would start a new, empty database here"), p.message());
        assertEquals(Problem.Consequence.NEW_EMPTY_DATABASE, p.kind().consequence());
        assertEquals(0, f.dataFileSize());
        assertEquals(LockInfo.Layout.DLMDB, f.lock().layout());
    }

    @Test
    void truncatedMidPage() {
        DatabaseFacts f = read("dlmdb1-damaged-truncated-mid-page");
        Problem p = only(f, Problem.Kind.TRUNCATED);
        assertTrue(p.message().contains("data.mdb: truncated: page 62 lies beyond the end of the file (size 256123"),
                p.message());
        assertEquals(Problem.Consequence.LIBRARY_CRASHES, p.kind().consequence());
        // the surviving meta's numbers
        assertEquals(123, f.lastPage().getAsLong());
        assertEquals(2, f.txnid().getAsLong());
        assertEquals(16777216, f.mapSize().getAsLong());
        assertEquals(WalkState.FAILED, f.walkState());
        assertTrue(f.libraryWillFail());
    }

    @Test
    void lockOnlyNoData() {
        DatabaseFacts f = read("dlmdb1-damaged-lock-only-no-data");
        Problem p = only(f, Problem.Kind.NO_DATA_FILE);
        assertTrue(p.message().contains("no data.mdb"), p.message());
        assertTrue(f.lock().present());
        assertEquals(126, f.lock().maxReaders().getAsLong());
        assertThrows(DatabaseFormatException.class, () -> DatabaseFiles.locate(Fixtures.lmdb("dlmdb1-damaged-lock-only-no-data").resolve("db")));
    }

    @Test
    void lockTruncatedTo100Bytes() {
        DatabaseFacts f = read("dlmdb1-damaged-lock-truncated-100");
        Problem p = only(f, Problem.Kind.LOCK_TRUNCATED);
        assertTrue(p.message().contains("lock.mdb: truncated: 100 bytes") && p.message().contains("4294967295"), p.message());
        assertTrue(f.lock().maxReaders().isEmpty());
        assertEquals(4294967295L, LockFileReader.libraryMaxReaders(100)); // what DLMDB derived as-is
        assertEquals(LockInfo.Layout.DLMDB, f.lock().layout());
        assertEquals(2, f.lock().txnid().getAsLong());
        assertEquals(0, f.lock().numReaders().getAsLong());
        assertFalse(f.libraryWillFail()); // data is fine; the lock is damaged
    }

    @Test
    void lockBogusFormat() {
        DatabaseFacts f = read("lmdb09-damaged-lock-bogus-format");
        Problem p = only(f, Problem.Kind.LOCK_UNKNOWN_FORMAT);
        assertTrue(p.message().contains("0xdeadbeef") && p.message().contains("MDB_VERSION_MISMATCH"), p.message());
        assertEquals(LockInfo.Layout.UNKNOWN, f.lock().layout());
        assertTrue(f.lock().txnid().isEmpty());
        assertEquals(126, f.lock().maxReaders().getAsLong());
    }

    @Test
    void dlmdbDataUnderAStockLockFile() {
        DatabaseFacts f = read("dlmdb1-lock-rewritten-by-lmdb09");
        Problem p = only(f, Problem.Kind.LOCK_DATA_MISMATCH);
        assertTrue(p.message().contains("0x00010001") && p.message().contains("DLMDB"), p.message());
        assertEquals(EngineKind.DLMDB_FORMAT_1, f.engine());
        assertEquals(NodeLayout.EVEN_PADDED, f.layout());
        assertEquals(LockInfo.Layout.STOCK_LMDB, f.lock().layout());
        // the stock tool's shifted stats (e.g. datalevin/ave depth 769) are not ours
        assertEquals(3, f.dbi("datalevin/ave").orElseThrow().record().depth());
        assertEquals(14000, f.dbi("datalevin/ave").orElseThrow().record().entries());
        assertEquals(13, f.dbi("datalevin/kv-info").orElseThrow().record().entries());
    }

    @Test
    void pathProblems(@TempDir Path tmp) throws IOException {
        DatabaseFacts missing = DatabaseReader.read(tmp.resolve("nope"));
        assertTrue(only(missing, Problem.Kind.PATH_MISSING).message().contains("nope"));
        DatabaseFacts empty = DatabaseReader.read(tmp);
        assertTrue(only(empty, Problem.Kind.NO_DATA_FILE).message().contains(tmp.toString()));
        assertFalse(Files.exists(tmp.resolve("lock.mdb")));
        assertFalse(Files.exists(tmp.resolve("data.mdb")));
    }

    @Test
    void dataShorterThanTwoPages(@TempDir Path tmp) throws IOException {
        Path db = copy("lmdb09-empty", tmp);
        truncate(db.resolve("data.mdb"), 4096);
        DatabaseFacts f = DatabaseReader.read(db);
        assertTrue(only(f, Problem.Kind.TRUNCATED).message()
                .contains("truncated: page 1 lies beyond the end of the file (size 4096)"), f.problems().toString());
    }

    /**
     * A file may end before last_pg when its last pages are free (LMDB puts pages allocated and freed in
     * one transaction on the free list without writing them): lmdb09-freelist-heavy's last 22 pages
     * (526..547) are free, so a file cut after page 525 is healthy, one cut after page 524 is not.
     */
    @Test
    void missingTailPagesAreTruncationOnlyWhenNotFree(@TempDir Path tmp) throws IOException {
        Path ok = copy("lmdb09-freelist-heavy", tmp.resolve("ok"));
        truncate(ok.resolve("data.mdb"), 526L * 4096);
        DatabaseFacts f = DatabaseReader.read(ok);
        assertTrue(f.problems().isEmpty(), f.problems().toString());
        assertEquals(WalkState.COMPLETE, f.walkState());
        assertEquals(547, f.lastPage().getAsLong());

        Path bad = copy("lmdb09-freelist-heavy", tmp.resolve("bad"));
        truncate(bad.resolve("data.mdb"), 525L * 4096 + 100);
        DatabaseFacts g = DatabaseReader.read(bad);
        Problem p = only(g, Problem.Kind.TRUNCATED);
        assertTrue(p.message().contains("truncated: page 525 lies beyond the end of the file (size 2150500; meta page 0"
                + " says pages 0..547 are in use: 1 of the missing pages are not on the free list)"), p.message());
    }

    @Test
    void formatTwoIsMetaLevelOnly(@TempDir Path tmp) throws IOException {
        Path db = copy("dlmdb1-datalevin-like", tmp);
        putU32(db.resolve("data.mdb"), 20, 2);
        putU32(db.resolve("data.mdb"), 4096 + 20, 2);
        DatabaseFacts f = DatabaseReader.read(db);
        assertEquals(EngineKind.DLMDB_FORMAT_2, f.engine());
        assertEquals(WalkState.NOT_AVAILABLE, f.walkState());
        assertEquals(NodeLayout.NOT_AVAILABLE, f.layout());
        assertTrue(f.walkNote().contains("format 2"), f.walkNote());
        assertTrue(f.dbis().isEmpty());
        assertTrue(f.freeList().isEmpty());
        assertEquals(8, f.txnid().getAsLong());
        assertEquals(1048576000L, f.mapSize().getAsLong());
        assertEquals(452, f.lastPage().getAsLong());
        assertTrue(f.problems().isEmpty(), f.problems().toString());
        try (DatabaseReader r = DatabaseReader.open(db)) {
            assertThrows(DatabaseFormatException.class, r::dbiNames);
        }
    }

    @Test
    void corruptRootIsAClearProblem(@TempDir Path tmp) throws IOException {
        Path db = copy("lmdb09-many-dbis", tmp);
        DatabaseFacts good = DatabaseReader.read(db);
        long mainRoot = good.mainDbStat().root();
        // overwrite the MAIN root page's header page number
        putU32(db.resolve("data.mdb"), mainRoot * 4096, 7);
        DatabaseFacts f = DatabaseReader.read(db);
        assertEquals(WalkState.FAILED, f.walkState());
        Problem p = only(f, Problem.Kind.PAGE_CORRUPT);
        assertTrue(p.message().contains("data.mdb: corrupt page " + mainRoot), p.message());
    }

    static Path copy(String fixture, Path tmp) throws IOException {
        Path db = tmp.resolve(fixture);
        Fixtures.copyTree(Fixtures.lmdb(fixture).resolve("db"), db);
        return db;
    }

    static void truncate(Path file, long size) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(size);
        }
    }

    static void putU32(Path file, long offset, int value) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value);
            b.flip();
            ch.write(b, offset);
        }
    }
}
