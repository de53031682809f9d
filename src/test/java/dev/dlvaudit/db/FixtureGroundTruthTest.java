package dev.dlvaudit.db;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every readable fixture of fixtures/lmdb compared with the engine's own facts (FIXTURE.json
 * {@code expected} and {@code library_facts}), exactly.
 */
class FixtureGroundTruthTest {

    static List<String> readable() {
        List<String> out = new ArrayList<>();
        for (String n : Fixtures.lmdbNames()) {
            JsonNode e = Fixtures.fixtureJson(n).path("expected");
            if (e.path("lock_as_is").path("open_rc").asInt(-1) == 0
                    || e.path("first_opener").path("open_rc").asInt(-1) == 0) {
                out.add(n);
            }
        }
        return out;
    }

    /** The expected facts for data.mdb: as-is when the library opened it as-is, else first opener. */
    static String dataSource(JsonNode expected) {
        return expected.path("lock_as_is").path("open_rc").asInt(-1) == 0 ? "lock_as_is" : "first_opener";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readable")
    void dataFactsMatchTheLibrary(String name) throws Exception {
        JsonNode fx = Fixtures.fixtureJson(name);
        String src = dataSource(fx.path("expected"));
        JsonNode e = fx.path("expected").path(src);
        JsonNode lib = fx.path("library_facts").path(src);
        DatabaseFacts f = DatabaseReader.read(Fixtures.lmdbEnv(name));

        assertEquals(WalkState.COMPLETE, f.walkState(), () -> "walk " + f.walkNote() + " " + f.problems());
        assertEquals(e.path("page_size").asInt(), f.pageSize(), "page size");
        MetaPage cur = f.current().orElseThrow();
        assertEquals(e.path("meta_mapsize").asLong(), cur.mapSize(), "meta mapsize");
        assertEquals(e.path("mapsize").asLong(), cur.mapSize(), "mapsize (env info)");
        assertEquals(e.path("last_pgno").asLong(), cur.lastPage(), "last page");
        assertEquals(e.path("pages_used").asLong(), f.pagesUsed().getAsLong(), "pages used");
        assertEquals(e.path("txnid").asLong(), cur.txnid(), "txnid");
        assertEquals(e.path("current_meta_page").asInt(), f.currentMeta(), "current meta");
        assertEquals(e.path("data_version").asLong(), cur.version(), "data version");
        assertEquals(e.path("meta_flags").asText(), "0x" + Integer.toHexString(cur.envFlags()), "meta flags");
        assertEquals(lib.path("env_info").path("max_pages").asLong(), f.maxPages().getAsLong(), "max pages");
        assertEquals(fx.path("layout").path("data_file").path("size").asLong(), f.dataFileSize(), "data file size");
        assertEquals(fx.path("layout").path("nosubdir").asBoolean(), f.noSubdir(), "nosubdir");

        // both meta pages, field by field
        JsonNode metas = lib.path("metas");
        assertEquals(metas.size(), f.metas().size());
        for (int i = 0; i < metas.size(); i++) {
            JsonNode m = metas.get(i);
            MetaPage ours = f.metas().get(i);
            assertEquals(m.path("page").asInt(), ours.page());
            assertEquals(Long.decode(m.path("magic").asText()), ours.magic(), "magic of meta " + i);
            assertEquals(m.path("version").asLong(), ours.version());
            assertEquals(m.path("mapsize").asLong(), ours.mapSize());
            assertEquals(m.path("last_pg").asLong(), ours.lastPage());
            assertEquals(m.path("txnid").asLong(), ours.txnid());
            assertEquals(m.path("psize").asLong(), ours.pageSize());
            assertEquals(m.path("flags").asText(), "0x" + Integer.toHexString(ours.envFlags()));
            assertRecord("meta " + i + " free_db", m.path("free_db"), ours.freeDb(), true);
            assertRecord("meta " + i + " main_db", m.path("main_db"), ours.mainDb(), true);
            assertTrue(ours.valid(), () -> "meta " + ours.page() + " " + ours.defects());
        }

        // FREE_DBI and MAIN_DBI
        assertRecord("free_db", e.path("free_db"), f.freeDbStat(), false);
        assertRecord("main_db", e.path("main_db"), f.mainDbStat(), false);
        FreeList fl = f.freeList().orElseThrow();
        assertEquals(e.path("free_pages").asLong(), fl.freePages(), "free pages");
        assertEquals(e.path("freelist_records").asInt(), fl.recordCount(), "freelist records");
        JsonNode recs = lib.path("freelist").path("records");
        assertEquals(recs.size(), fl.records().size());
        for (int i = 0; i < recs.size(); i++) {
            assertEquals(recs.get(i).path("txnid").asLong(), fl.records().get(i).txnid(), "freelist record " + i);
            assertEquals(recs.get(i).path("pages").asLong(), fl.records().get(i).pages(), "freelist record " + i);
        }

        // every named DBI
        JsonNode dbis = e.path("dbis");
        Map<String, NamedDbi> ours = new TreeMap<>();
        f.dbis().forEach(d -> ours.put(d.name(), d));
        List<String> expectedNames = new ArrayList<>();
        dbis.fieldNames().forEachRemaining(expectedNames::add);
        assertEquals(new ArrayList<>(new TreeMap<>(Map.copyOf(toMap(expectedNames))).keySet()),
                new ArrayList<>(ours.keySet()), "DBI names");
        for (String n : expectedNames) {
            JsonNode d = dbis.path(n);
            NamedDbi dbi = ours.get(n);
            assertEquals(d.path("flags").asText(), dbi.record().flagsHex(), n + " flags");
            assertRecord(n, d, dbi.record(), false);
        }
        // the library's own key order (memcmp of the names) is ours
        List<String> libOrder = new ArrayList<>();
        lib.path("dbis").forEach(d -> libOrder.add(d.path("name").asText()));
        assertEquals(libOrder, f.dbis().stream().map(NamedDbi::name).toList(), "DBI order");
        assertTrue(f.problems().stream().noneMatch(p -> p.kind() != Problem.Kind.LOCK_UNKNOWN_FORMAT
                        && p.kind() != Problem.Kind.LOCK_TRUNCATED && p.kind() != Problem.Kind.LOCK_DATA_MISMATCH),
                () -> "unexpected problems " + f.problems());
    }

    private static Map<String, String> toMap(List<String> names) {
        Map<String, String> m = new TreeMap<>();
        names.forEach(n -> m.put(n, n));
        return m;
    }

    /** Walking each DBI's pages (and its sub-databases) gives the counts of its record; entries count and distinct keys match. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("readable")
    void everyDbiWalksToItsRecordAndDistinctKeys(String name) throws Exception {
        JsonNode fx = Fixtures.fixtureJson(name);
        JsonNode dbis = fx.path("expected").path(dataSource(fx.path("expected"))).path("dbis");
        try (DatabaseReader r = DatabaseReader.open(Fixtures.lmdbEnv(name))) {
            for (NamedDbi d : r.facts().dbis()) {
                assertNull(r.verifyDbi(d.name()), d.name());
                List<KeyValue> kvs = r.entries(d.name(), Integer.MAX_VALUE).orElseThrow();
                assertEquals(d.record().entries(), kvs.size(), d.name() + " entries");
                long distinct = 0;
                byte[] prev = null;
                for (KeyValue kv : kvs) {
                    if (prev == null || !Arrays.equals(prev, kv.key())) {
                        distinct++;
                    }
                    prev = kv.key();
                }
                assertEquals(dbis.path(d.name()).path("distinct_keys").asLong(), distinct, d.name() + " distinct keys");
                if ((d.record().flags() & (DbRecord.INTEGERKEY | DbRecord.REVERSEKEY)) == 0) {
                    assertSorted(d.name(), kvs, (d.record().flags() & (DbRecord.INTEGERDUP | DbRecord.REVERSEDUP)) == 0);
                }
            }
        }
    }

    private static void assertSorted(String dbi, List<KeyValue> kvs, boolean dupsMemcmp) {
        for (int i = 1; i < kvs.size(); i++) {
            int c = Arrays.compareUnsigned(kvs.get(i - 1).key(), kvs.get(i).key());
            assertTrue(c <= 0, dbi + ": keys out of order at " + i);
            if (c == 0 && dupsMemcmp) {
                assertTrue(Arrays.compareUnsigned(kvs.get(i - 1).value(), kvs.get(i).value()) < 0,
                        dbi + ": duplicates out of order at " + i);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readable")
    void lockFactsMatchTheLibraryAsIs(String name) {
        JsonNode fx = Fixtures.fixtureJson(name);
        JsonNode asIs = fx.path("expected").path("lock_as_is");
        DatabaseFacts f = DatabaseReader.read(Fixtures.lmdbEnv(name));
        LockInfo l = f.lock();
        assertTrue(l.present());
        assertEquals(fx.path("layout").path("lock_file").path("size").asLong(), l.size(), "lock size");
        if (asIs.path("open_rc").asInt(-1) != 0) {
            return; // the library refused the lock file as it is: see DamagedFixtureTest
        }
        assertEquals(asIs.path("lock_format").asText(), l.formatHex(), "lock format");
        assertEquals(asIs.path("lock_txnid").asLong(), l.txnid().getAsLong(), "lock txnid");
        assertEquals(asIs.path("numreaders").asLong(), l.numReaders().getAsLong(), "numreaders");
        if (l.maxReaders().isPresent()) {
            assertEquals(asIs.path("max_readers").asLong(), l.maxReaders().getAsLong(), "max readers");
        } else {
            assertEquals(asIs.path("max_readers").asLong(), LockFileReader.libraryMaxReaders(l.size()), "max readers");
        }
        JsonNode slots = asIs.path("reader_slots");
        assertEquals(slots.size(), l.slots().size(), "used slots");
        for (int i = 0; i < slots.size(); i++) {
            JsonNode s = slots.get(i);
            ReaderSlot r = l.slots().get(i);
            assertEquals(s.path("slot").asInt(), r.slot());
            assertEquals(s.path("pid").asInt(), r.pid());
            assertEquals(s.path("tid").asText(), r.tidHex());
            assertEquals(s.path("txnid").asLong(), r.txnid());
        }
        JsonNode libLock = fx.path("library_facts").path("lock_as_is").path("lock");
        assertEquals(Long.decode(libLock.path("magic").asText()), l.magic().getAsLong(), "lock magic");
    }

    static void assertRecord(String what, JsonNode e, DbRecord r, boolean withRoot) {
        assertNotNull(r, what);
        assertEquals(e.path("depth").asInt(), r.depth(), what + " depth");
        assertEquals(e.path("branch_pages").asLong(), r.branchPages(), what + " branch pages");
        assertEquals(e.path("leaf_pages").asLong(), r.leafPages(), what + " leaf pages");
        assertEquals(e.path("overflow_pages").asLong(), r.overflowPages(), what + " overflow pages");
        assertEquals(e.path("entries").asLong(), r.entries(), what + " entries");
        if (withRoot) {
            assertEquals(e.path("root").asLong(), r.root(), what + " root");
            assertEquals(e.path("md_pad").asLong(), r.pad(), what + " md_pad");
            assertEquals(e.path("md_flags").asText(), r.flagsHex(), what + " md_flags");
        }
        assertFalse(e.isMissingNode(), what);
    }
}
