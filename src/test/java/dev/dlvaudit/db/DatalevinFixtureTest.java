package dev.dlvaudit.db;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Databases written by Datalevin 0.10.7 itself, compared with what Datalevin and DLMDB reported. */
class DatalevinFixtureTest {

    static List<String> fixtures() {
        return Fixtures.datalevinNames();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void factsMatchDatalevinAndDlmdb(String name) throws Exception {
        Path dir = Fixtures.datalevin(name);
        JsonNode gt = Fixtures.json(dir.resolve("GROUND_TRUTH.json"));
        JsonNode nat = gt.path("post_close_native_readonly_check");
        DatabaseFacts f = DatabaseReader.read(dir.resolve("db"));

        assertTrue(f.problems().isEmpty(), () -> f.problems().toString());
        assertEquals(WalkState.COMPLETE, f.walkState());
        assertEquals(EngineKind.DLMDB_FORMAT_1, f.engine());
        assertEquals(NodeLayout.EVEN_PADDED, f.layout());
        assertEquals(gt.path("data_mdb_size").asLong(), f.dataFileSize());
        assertEquals(nat.path("env_info").path("me_last_pgno").asLong(), f.lastPage().getAsLong());
        assertEquals(nat.path("env_info").path("me_last_txnid").asLong(), f.txnid().getAsLong());
        assertEquals(nat.path("env_info").path("me_mapsize").asLong(), f.mapSize().getAsLong());

        // MAIN and every DBI: Datalevin's own d/stat as the native library read it
        assertStat("main", nat.path("main"), f.mainDbStat());
        assertEquals(nat.path("main_dbi_keys").size(), f.dbis().size());
        for (int i = 0; i < f.dbis().size(); i++) {
            NamedDbi d = f.dbis().get(i);
            assertEquals(nat.path("main_dbi_keys").get(i).asText(), d.name());
            JsonNode s = nat.path("dbis").path(d.name());
            assertEquals(s.path("dbi_flags_hex").asText(), d.record().flagsHex(), d.name());
            assertStat(d.name(), s, d.record());
        }

        // DLMDB's mdb_stat: environment, free list, main DB
        Map<String, Map<String, String>> st = GroundTruthText.statRun(dir.resolve("GROUND_TRUTH.txt")).sections();
        Map<String, String> env = st.get("Environment Info");
        assertEquals(env.get("Map size"), Long.toString(f.mapSize().getAsLong()));
        assertEquals(env.get("Page size"), Integer.toString(f.pageSize()));
        assertEquals(env.get("Max pages"), Long.toString(f.maxPages().getAsLong()));
        assertEquals(env.get("Number of pages used"), Long.toString(f.pagesUsed().getAsLong()));
        assertEquals(env.get("Last transaction ID"), Long.toString(f.txnid().getAsLong()));
        Map<String, String> free = st.get("Freelist Status");
        assertEquals(free.get("Free pages"), Long.toString(f.freeList().orElseThrow().freePages()));
        assertEquals(free.get("Entries"), Long.toString(f.freeList().orElseThrow().recordCount()));
        assertEquals(free.get("Leaf pages"), Long.toString(f.freeDbStat().leafPages()));

        // the lock file as stored: max readers from its size; the independent parse of the live-lock copy
        LockInfo l = f.lock();
        assertEquals(LockInfo.Layout.DLMDB, l.layout());
        assertEquals((gt.path("lock_mdb_size").asLong() - 128) / 64, l.maxReaders().getAsLong());
        JsonNode ind = gt.path("lock_mdb_independent_parse").path("result");
        if (!ind.isMissingNode()) {
            assertEquals(ind.path("format").asText(), l.formatHex());
            assertEquals(ind.path("txnid").asLong(), l.txnid().getAsLong());
            assertEquals(ind.path("numreaders_hwm").asLong(), l.numReaders().getAsLong());
            assertEquals(ind.path("maxreaders_from_size").asLong(), l.maxReaders().getAsLong());
            assertEquals(ind.path("readers").size(), l.slots().size());
            for (int i = 0; i < l.slots().size(); i++) {
                JsonNode r = ind.path("readers").get(i);
                assertEquals(r.path("pid").asInt(), l.slots().get(i).pid());
                assertEquals(r.path("tid").asText(), l.slots().get(i).tidHex());
                assertEquals(r.path("txnid").asLong(), l.slots().get(i).txnid());
                assertEquals(r.path("slot").asInt(), l.slots().get(i).slot());
            }
            assertEquals(gt.path("holder_pid").asInt(), l.slots().get(0).pid());
            assertEquals(gt.path("held_read_txn_id").asLong(), l.slots().get(0).txnid());
        }
    }

    /** Raw entries Datalevin listed (hex) are what DbiEntries gives, in order: prefix-compressed keys expanded. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void entriesMatchDatalevinsRawEntries(String name) throws Exception {
        Path dir = Fixtures.datalevin(name);
        JsonNode gt = Fixtures.json(dir.resolve("GROUND_TRUTH.json"));
        HexFormat hex = HexFormat.of();
        int compared = 0;
        try (DatabaseReader r = DatabaseReader.open(dir.resolve("db"))) {
            for (String[] pair : new String[][] {{"kv_info_raw_entries", "datalevin/kv-info"},
                    {"opts_dbi_raw_entries", "datalevin/opts"}, {"meta_dbi_raw_entries", "datalevin/meta"}}) {
                JsonNode raw = gt.path(pair[0]);
                if (raw.isMissingNode()) {
                    continue;
                }
                List<KeyValue> kvs = r.entries(pair[1], Integer.MAX_VALUE).orElseThrow();
                assertEquals(raw.size(), kvs.size(), pair[1]);
                for (int i = 0; i < raw.size(); i++) {
                    assertEquals(raw.get(i).path("key_hex").asText(), hex.formatHex(kvs.get(i).key()), pair[1] + " key " + i);
                    assertEquals(raw.get(i).path("val_hex").asText(), hex.formatHex(kvs.get(i).value()), pair[1] + " value " + i);
                    compared++;
                }
            }
            for (NamedDbi d : r.facts().dbis()) {
                assertNull(r.verifyDbi(d.name()), d.name());
                assertEquals(d.record().entries(), r.entries(d.name(), Integer.MAX_VALUE).orElseThrow().size());
            }
            assertEquals(List.of(), r.entries("no-such-dbi", 10).map(x -> List.of("present")).orElse(List.of()));
            NamedDbi first = r.facts().dbis().get(0);
            assertEquals(Math.min(2, first.record().entries()), r.entries(first.name(), 2).orElseThrow().size());
        }
        assertTrue(compared >= 3, "compared " + compared);
    }

    /** The 20 000-char value of kv-default's events DBI is read from its overflow pages. */
    @org.junit.jupiter.api.Test
    void overflowValueIsReadWhole() throws Exception {
        try (DatabaseReader r = DatabaseReader.open(Fixtures.datalevin("kv-default").resolve("db"))) {
            List<KeyValue> kvs = r.entries("events", Integer.MAX_VALUE).orElseThrow();
            int max = kvs.stream().mapToInt(kv -> kv.value().length).max().orElse(0);
            assertTrue(max > 20000 && max < 20100, "largest value " + max);
        }
    }

    static void assertStat(String what, JsonNode s, DbRecord r) {
        assertEquals(s.path("depth").asInt(), r.depth(), what);
        assertEquals(s.path("branch-pages").asLong(), r.branchPages(), what);
        assertEquals(s.path("leaf-pages").asLong(), r.leafPages(), what);
        assertEquals(s.path("overflow-pages").asLong(), r.overflowPages(), what);
        assertEquals(s.path("entries").asLong(), r.entries(), what);
    }
}
