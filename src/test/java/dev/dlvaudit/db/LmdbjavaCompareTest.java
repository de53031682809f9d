package dev.dlvaudit.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.EnvInfo;
import org.lmdbjava.Stat;
import org.lmdbjava.Txn;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stock-LMDB databases created by lmdbjava in temporary directories (never a fixture), compared with
 * lmdbjava's own {@code Env.stat()/info()} and {@code Dbi.stat()}, and with Debian's {@code mdb_stat}
 * when installed (run on our own temporary copy only).
 */
class LmdbjavaCompareTest {

    static byte[] bb(byte[] b) {
        return b;
    }

    static byte[] bb(String s) {
        return bb(s.getBytes(StandardCharsets.UTF_8));
    }

    record Expected(EnvInfo info, Stat main, Map<String, Stat> dbis, Map<String, Integer> flags) {
    }

    /** Builds the shapes: free pages, overflow values, DUPSORT/DUPFIXED inline and sub-database dups, 100 DBIs. */
    static Expected build(Path where, int maxReaders, EnvFlags... flags) {
        Random rnd = new Random(42);
        Map<String, Dbi<byte[]>> dbis = new LinkedHashMap<>();
        try (Env<byte[]> env = Env.create(org.lmdbjava.ByteArrayProxy.PROXY_BA).setMapSize(64L << 20).setMaxDbs(200).setMaxReaders(maxReaders)
                .open(where.toFile(), flags)) {
            dbis.put("plain", env.openDbi("plain", DbiFlags.MDB_CREATE));
            dbis.put("blobs", env.openDbi("blobs", DbiFlags.MDB_CREATE));
            dbis.put("dupsort", env.openDbi("dupsort", DbiFlags.MDB_CREATE, DbiFlags.MDB_DUPSORT));
            dbis.put("dupfixed", env.openDbi("dupfixed", DbiFlags.MDB_CREATE, DbiFlags.MDB_DUPSORT, DbiFlags.MDB_DUPFIXED));
            dbis.put("intkey", env.openDbi("intkey", DbiFlags.MDB_CREATE, DbiFlags.MDB_INTEGERKEY));
            for (int i = 0; i < 100; i++) {
                String name = (i % 2 == 0 ? "tbl-" : "table-") + String.format("%03d", i); // 7 and 9 chars
                dbis.put(name, env.openDbi(name, DbiFlags.MDB_CREATE));
            }
            try (Txn<byte[]> txn = env.txnWrite()) {
                for (int i = 0; i < 3000; i++) {
                    dbis.get("plain").put(txn, bb(String.format("key-%06d", i)), bb("value-" + i + "-".repeat(i % 50)));
                }
                for (int i = 0; i < 20; i++) {
                    byte[] v = new byte[10_000 + rnd.nextInt(40_000)];
                    rnd.nextBytes(v);
                    dbis.get("blobs").put(txn, bb("blob-" + i), bb(v));
                }
                for (int k = 0; k < 200; k++) {
                    for (int d = 0; d <= k % 5; d++) {
                        dbis.get("dupsort").put(txn, bb(String.format("k%04d", k)), bb("dup-" + d + "-".repeat(d * 3)));
                        dbis.get("dupfixed").put(txn, bb(String.format("k%04d", k)), bb(new byte[] {0, 0, 0, (byte) d}));
                    }
                }
                for (int d = 0; d < 3000; d++) {
                    dbis.get("dupsort").put(txn, bb("big"), bb(String.format("bigdup-%06d", d)));
                    dbis.get("dupfixed").put(txn, bb("big"), bb(new byte[] {(byte) (d >> 24), (byte) (d >> 16), (byte) (d >> 8), (byte) d}));
                }
                for (long i = 0; i < 500; i++) {
                    byte[] k = ByteBuffer.allocate(8).order(java.nio.ByteOrder.nativeOrder()).putLong(i * 7).array();
                    dbis.get("intkey").put(txn, k, bb("n" + i));
                }
                int t = 0;
                for (Map.Entry<String, Dbi<byte[]>> e : dbis.entrySet()) {
                    if (e.getKey().startsWith("t")) {
                        int n = t == 50 ? 400 : t % 7; // one of them gets depth 2, one stays empty
                        for (int i = 0; i < n; i++) {
                            e.getValue().put(txn, bb(String.format("row-%05d", i)), bb("x".repeat(20)));
                        }
                        t++;
                    }
                }
                txn.commit();
            }
            try (Txn<byte[]> txn = env.txnWrite()) { // free pages
                for (int i = 0; i < 3000; i += 2) {
                    dbis.get("plain").delete(txn, bb(String.format("key-%06d", i)));
                }
                for (int i = 0; i < 20; i += 3) {
                    dbis.get("blobs").delete(txn, bb("blob-" + i));
                }
                txn.commit();
            }
            Map<String, Stat> stats = new LinkedHashMap<>();
            Map<String, Integer> fl = new LinkedHashMap<>();
            try (Txn<byte[]> txn = env.txnRead()) {
                for (Map.Entry<String, Dbi<byte[]>> e : dbis.entrySet()) {
                    stats.put(e.getKey(), e.getValue().stat(txn));
                    fl.put(e.getKey(), e.getValue().listFlags(txn).stream().mapToInt(DbiFlags::getMask).sum());
                }
            }
            return new Expected(env.info(), env.stat(), stats, fl);
        }
    }

    static void compare(Path envPath, Expected x, long expectedLockSize) throws Exception {
        try (DatabaseReader r = DatabaseReader.open(envPath)) {
            DatabaseFacts f = r.facts();
            assertTrue(f.problems().isEmpty(), f.problems().toString());
            assertEquals(EngineKind.STOCK_LMDB, f.engine());
            assertEquals(NodeLayout.STOCK, f.layout());
            assertEquals(x.info().mapSize, f.mapSize().getAsLong());
            assertEquals(x.info().lastPageNumber, f.lastPage().getAsLong());
            assertEquals(x.info().lastTransactionId, f.txnid().getAsLong());
            assertEquals(x.main().pageSize, f.pageSize());
            assertEquals(x.info().maxReaders, f.lock().maxReaders().getAsLong());
            assertEquals(expectedLockSize, f.lock().size());
            assertEquals(LockInfo.Layout.STOCK_LMDB, f.lock().layout());
            assertStat("main", x.main(), f.mainDbStat());
            assertEquals(x.dbis().size(), f.dbis().size());
            for (Map.Entry<String, Stat> e : x.dbis().entrySet()) {
                DbRecord rec = f.dbi(e.getKey()).orElseThrow().record();
                assertStat(e.getKey(), e.getValue(), rec);
                assertEquals(x.flags().get(e.getKey()).intValue(), rec.flags(), e.getKey() + " flags");
                assertNull(r.verifyDbi(e.getKey()), e.getKey());
                assertEquals(rec.entries(), r.entries(e.getKey(), Integer.MAX_VALUE).orElseThrow().size(), e.getKey());
            }
            assertTrue(f.freeList().orElseThrow().freePages() > 0);
            assertTrue(f.dbi("blobs").orElseThrow().record().overflowPages() > 0);
        }
    }

    static void assertStat(String what, Stat s, DbRecord r) {
        assertEquals(s.depth, r.depth(), what + " depth");
        assertEquals(s.branchPages, r.branchPages(), what + " branch");
        assertEquals(s.leafPages, r.leafPages(), what + " leaf");
        assertEquals(s.overflowPages, r.overflowPages(), what + " overflow");
        assertEquals(s.entries, r.entries(), what + " entries");
    }

    @Test
    void subdirEnvMatchesLmdbjavaAndMdbStat(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("env"));
        Expected x = build(dir, 126);
        compare(dir, x, 128 + 126 * 64);
        compareWithMdbStat(dir, false, tmp);
    }

    @Test
    void nosubdirWith1024Readers(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("x.db");
        Expected x = build(file, 1024, EnvFlags.MDB_NOSUBDIR);
        assertTrue(Files.exists(tmp.resolve("x.db-lock")));
        compare(file, x, 128 + 1024 * 64);
        DatabaseFacts f = DatabaseReader.read(file);
        assertTrue(f.noSubdir());
        assertEquals(0x4000, f.current().orElseThrow().envFlags() & 0x4000, "NOSUBDIR persisted in the meta");
        compareWithMdbStat(file, true, tmp);
    }

    @Test
    void writemapFileIsMapSized(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("env"));
        Expected x = build(dir, 126, EnvFlags.MDB_WRITEMAP);
        compare(dir, x, 128 + 126 * 64);
        DatabaseFacts f = DatabaseReader.read(dir);
        assertEquals(64L << 20, f.dataFileSize(), "WRITEMAP ftruncates data.mdb to the map size");
        assertTrue(f.usedBytes().getAsLong() < f.dataFileSize());
    }

    /** Debian's mdb_stat (stock 0.9) on our own temporary env: the mdb_stat part of stats is identical. */
    static void compareWithMdbStat(Path env, boolean nosubdir, Path tmp) throws Exception {
        Path tool = Path.of("/usr/bin/mdb_stat");
        if (!Files.isExecutable(tool)) {
            return; // lmdb-utils not installed here; .ci/run installs it
        }
        List<String> ours = new ArrayList<>();
        DatabaseFacts f = DatabaseReader.read(env);
        java.io.StringWriter sw = new java.io.StringWriter();
        new dev.dlvaudit.report.StatsReport(f, List.of(), java.util.Optional.empty()).writeText(new java.io.PrintWriter(sw));
        for (String l : sw.toString().split("\n")) {
            if (l.startsWith("Derived")) {
                break;
            }
            if (!l.startsWith("  Max readers") && !l.startsWith("  Number of readers used")) {
                ours.add(l);
            }
        }
        List<String> cmd = new ArrayList<>(List.of(tool.toString(), "-e", "-f", "-a"));
        if (nosubdir) {
            cmd.add("-n");
        }
        cmd.add(env.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        List<String> theirs = new ArrayList<>();
        for (String l : out.split("\n")) {
            if (!l.startsWith("  Max readers") && !l.startsWith("  Number of readers used")) {
                theirs.add(l);
            }
        }
        assertEquals(String.join("\n", theirs), String.join("\n", ours));
    }
}
