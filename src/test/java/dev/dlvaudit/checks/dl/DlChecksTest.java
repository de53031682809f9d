package dev.dlvaudit.checks.dl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.FactProvider;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Status;
import dev.dlvaudit.api.Target;
import dev.dlvaudit.engine.CheckCatalog;
import dev.dlvaudit.engine.Engine;
import dev.dlvaudit.engine.FactStore;
import dev.dlvaudit.engine.Policy;
import dev.dlvaudit.engine.Result;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dl.* checks through the real engine and fact providers (the database reader included), on
 * the Datalevin fixtures (or copies of them in a temp dir) and options files.
 */
class DlChecksTest {
    /** dl-wal's snapshot completed at 1795467587103 ms. */
    static final Instant SNAPSHOT = Instant.ofEpochMilli(1795467587103L);

    @TempDir
    Path tmp;

    static Path fixture(String name) {
        try {
            return Path.of(DlChecksTest.class.getResource("/fixtures/datalevin/" + name + "/db").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class Run {
        Policy policy = Policy.none();
        Clock clock = Clock.fixed(SNAPSHOT.plus(Duration.ofHours(1)), ZoneOffset.UTC);

        List<Result> run(Check check, Target target) {
            CheckCatalog catalog = new CheckCatalog();
            catalog.add(check, CheckCatalog.BUILT_IN);
            FactStore facts = FactStore.fromServiceLoader(DlChecksTest.class.getClassLoader());
            Engine engine = new Engine(facts, policy, Path.of("/nonexistent-host-root"), clock, Map.of(),
                    Duration.ofSeconds(10));
            return engine.run(catalog.all(), List.of(target));
        }
    }

    Run run() {
        return new Run();
    }

    static Policy settings(Map<String, Object> global, String profile) {
        return new Policy("test", Optional.ofNullable(profile), global, Map.of(), Map.of(), List.of());
    }

    Path opts(String edn) throws IOException {
        return Files.writeString(tmp.resolve("opts-" + Math.abs(edn.hashCode()) + ".edn"), edn);
    }

    static Target dir(Path d) {
        return new Target(d, null);
    }

    static Target file(Path f) {
        return new Target(null, f);
    }

    static Result one(List<Result> results) {
        assertEquals(1, results.size(), results.toString());
        return results.get(0);
    }

    /** A copy of a fixture database in a temp dir, to damage. */
    Path copy(String name) throws IOException {
        Path src = fixture(name);
        Path dst = tmp.resolve(name);
        try (var walk = Files.walk(src)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path q = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
        return dst;
    }

    // --- dl.wal

    @Test
    void walOnInAWalFixture() throws IOException {
        Result r = one(run().run(new WalModeCheck(), dir(fixture("dl-wal"))));
        assertEquals(Status.PASS, r.status(), r.toString());
        assertTrue(r.observed().contains("database directory"), r.observed());
        assertTrue(r.observed().contains("stored opts (datalevin/opts)"), r.observed());
        assertTrue(r.observed().contains("kv-info hint"), r.observed());
    }

    @Test
    void walOffInAKvStoreIsInfoOrWarnForServers() throws IOException {
        Result r = one(run().run(new WalModeCheck(), dir(fixture("kv-default"))));
        assertEquals(Status.INFO, r.status(), r.toString());
        assertTrue(r.fix().contains("{:wal? true}"), r.fix());
        Run server = run();
        server.policy = settings(Map.of(), "server");
        assertEquals(Status.WARN, one(server.run(new WalModeCheck(), dir(fixture("kv-default")))).status());
    }

    @Test
    void whenOffFromThePolicyOverridesTheProfile() throws IOException {
        Run r = run();
        r.policy = new Policy("test", Optional.of("server"), Map.of(),
                Map.of("dl.wal", Map.of("when-off", "info")), Map.of(), List.of());
        assertEquals(Status.INFO, one(r.run(new WalModeCheck(), dir(fixture("kv-default")))).status());
        r.policy = new Policy("test", Optional.empty(), Map.of(),
                Map.of("dl.wal", Map.of("when-off", "warn")), Map.of(), List.of());
        Result warn = one(r.run(new WalModeCheck(), dir(fixture("kv-default"))));
        assertEquals(Status.WARN, warn.status(), warn.toString());
        r.policy = new Policy("test", Optional.empty(), Map.of(),
                Map.of("dl.wal", Map.of("when-off", "loud")), Map.of(), List.of());
        Result bad = one(r.run(new WalModeCheck(), dir(fixture("kv-default"))));
        assertEquals(Status.ERROR, bad.status(), bad.toString());
        assertTrue(bad.message().contains("expected warn or info"), bad.message());
        // WAL on: PASS whatever the policy says about WAL off
        assertEquals(Status.PASS, one(r.run(new WalModeCheck(), dir(fixture("dl-wal")))).status());
    }

    @Test
    void walFromAnOptionsFileAlone() throws IOException {
        assertEquals(Status.PASS, one(run().run(new WalModeCheck(), file(opts("{:wal? true}")))).status());
        Result r = one(run().run(new WalModeCheck(), file(opts("{:kv-opts {:mapsize 100}}"))));
        assertEquals(Status.INFO, r.status());
        assertTrue(r.observed().contains("Datalevin default"), r.observed());
    }

    // --- dl.nosync

    @Test
    void nosyncWithWalPassesAndSaysWhy() throws IOException {
        Result r = one(run().run(new NosyncCheck(), dir(fixture("dl-nosync"))));
        assertEquals(Status.PASS, r.status(), r.toString());
        assertTrue(r.message().contains("WAL sets") || r.message().contains("deliberately"), r.message());
        assertTrue(r.observed().contains(":nosync") && r.observed().contains("stored opts"), r.observed());
    }

    /**
     * No fixture is a :nosync store without WAL (0.10.7 turns WAL on for Datalog stores): a copy of
     * dl-nosync without txlog/ and with the one byte of the stored {@code wal?} value flipped to false.
     */
    @Test
    void nosyncWithoutWalFailsFromStoredOpts() throws IOException {
        Path db = copy("dl-nosync");
        deleteTree(db.resolve("txlog"));
        dev.dlvaudit.testing.PatchedFixtures.storeWalFalse(db.resolve("data.mdb"));
        Result res = one(run().run(new NosyncCheck(), dir(db)));
        assertEquals(Status.FAIL, res.status(), res.toString());
        assertTrue(res.fix().contains("Remove :nosync from :kv-opts :flags"), res.fix());
        assertTrue(res.fix().contains("#{:nordahead :notls}"), res.fix());
        assertTrue(res.fix().contains("{:wal? true}"), res.fix());
        assertTrue(res.observed().contains("stored opts (datalevin/opts)"), res.observed());
        assertTrue(res.observed().contains(":wal? false"), res.observed());
    }

    @Test
    void nosyncInAnOptionsFileAloneFails() throws IOException {
        Result r = one(run().run(new NosyncCheck(), file(opts("{:kv-opts {:flags #{:nordahead :nosync}}}"))));
        assertEquals(Status.FAIL, r.status());
        assertTrue(r.observed().contains("options file"), r.observed());
        assertEquals(Status.PASS, one(run().run(new NosyncCheck(),
                file(opts("{:wal? true :kv-opts {:flags #{:nosync}}}")))).status());
        Result def = one(run().run(new NosyncCheck(), file(opts("{}"))));
        assertEquals(Status.PASS, def.status());
        assertTrue(def.observed().contains("Datalevin default"), def.observed());
    }

    // --- dl.durability-flags

    @Test
    void durabilityFlagsWithoutWal() throws IOException {
        List<Result> rs = run().run(new DurabilityFlagsCheck(),
                file(opts("{:kv-opts {:flags #{:mapasync :writemap :nometasync :notls}}}")));
        assertEquals(List.of(Status.FAIL, Status.WARN, Status.WARN), rs.stream().map(Result::status).toList());
        assertTrue(rs.get(0).fix().contains("#{:notls}"), rs.get(0).fix());
        assertEquals(Status.PASS, one(run().run(new DurabilityFlagsCheck(),
                file(opts("{:wal? true :flags #{:mapasync :writemap}}")))).status());
        assertEquals(Status.PASS, one(run().run(new DurabilityFlagsCheck(), dir(fixture("dl-wal")))).status());
    }

    // --- dl.wal-health

    @Test
    void walHealthOfTheFixtures() throws IOException {
        for (String f : List.of("dl-wal", "dl-nosync", "dl-default-live-lock")) {
            Result r = one(run().run(new WalHealthCheck(), dir(fixture(f))));
            assertEquals(Status.PASS, r.status(), f + ": " + r);
            assertTrue(r.observed().contains("committed LSN"), r.observed());
        }
        assertEquals(Status.SKIP, one(run().run(new WalHealthCheck(), dir(fixture("kv-default")))).status());
        assertEquals(Status.SKIP, one(run().run(new WalHealthCheck(), file(opts("{:wal? true}")))).status());
    }

    @Test
    void walMetaDamage() throws IOException {
        Path db = copy("dl-wal");
        Path meta = db.resolve("txlog/meta");
        Files.write(meta, new byte[100]);
        assertEquals(Status.ERROR, one(run().run(new WalHealthCheck(), dir(db))).status());
        Files.write(meta, new byte[136]);
        Result fail = one(run().run(new WalHealthCheck(), dir(db)));
        assertEquals(Status.FAIL, fail.status());
        assertTrue(fail.message().contains("no valid slot"), fail.message());
        Files.write(meta, slot(3, 5000, 100, 100, SNAPSHOT.toEpochMilli()));
        Result lag = one(run().run(new WalHealthCheck(), dir(db)));
        assertEquals(Status.WARN, lag.status(), lag.toString());
        assertTrue(lag.message().contains("4900"), lag.message());
    }

    @Test
    void walMetaAgeOnlyWithAPolicy() throws IOException {
        Run r = run();
        r.clock = Clock.fixed(SNAPSHOT.plus(Duration.ofDays(2)), ZoneOffset.UTC);
        assertEquals(Status.PASS, one(r.run(new WalHealthCheck(), dir(fixture("dl-wal")))).status());
        r.policy = settings(Map.of("max-wal-meta-age-minutes", 60L), null);
        assertEquals(Status.WARN, one(r.run(new WalHealthCheck(), dir(fixture("dl-wal")))).status());
    }

    static byte[] slot(long revision, long committed, long durable, long applied, long updatedMs) {
        ByteBuffer bb = ByteBuffer.allocate(68);
        bb.put("DLTM".getBytes()).put((byte) 1).put((byte) 0).putShort((short) 0);
        bb.putLong(revision).putLong(committed).putLong(durable).putLong(applied).putLong(1).putLong(0).putLong(updatedMs);
        CRC32C crc = new CRC32C();
        crc.update(bb.array(), 0, 64);
        bb.putInt((int) crc.getValue());
        return bb.array();
    }

    // --- dl.backups

    @Test
    void snapshotsAsBackups() throws IOException {
        Result fresh = one(run().run(new BackupsCheck(), dir(fixture("dl-wal"))));
        assertEquals(Status.PASS, fresh.status(), fresh.toString());
        assertTrue(fresh.observed().contains("snapshot.edn"), fresh.observed());
        Run old = run();
        old.clock = Clock.fixed(SNAPSHOT.plus(Duration.ofHours(30)), ZoneOffset.UTC);
        assertEquals(Status.WARN, one(old.run(new BackupsCheck(), dir(fixture("dl-wal")))).status());
        old.policy = settings(Map.of("max-backup-age-hours", 48L), null);
        assertEquals(Status.PASS, one(old.run(new BackupsCheck(), dir(fixture("dl-wal")))).status());
        Result none = one(run().run(new BackupsCheck(), dir(fixture("kv-default"))));
        assertEquals(Status.FAIL, none.status());
        assertTrue(none.fix().contains("dtlv copy"), none.fix());
    }

    @Test
    void backupDirectoryCopiesAreVerified() throws IOException {
        Path backups = Files.createDirectories(tmp.resolve("backups"));
        Path bad = Files.createDirectories(backups.resolve("2026-11-22"));
        Files.write(bad.resolve("data.mdb"), new byte[8192]);
        Run r = run();
        r.policy = settings(Map.of("backup-dir", backups.toString()), null);
        List<Result> rs = r.run(new BackupsCheck(), dir(fixture("kv-default")));
        assertEquals(List.of(Status.FAIL, Status.WARN), rs.stream().map(Result::status).toList(), rs.toString());
        assertTrue(rs.get(1).message().contains("not a valid database"), rs.get(1).message());

        Path good = Files.createDirectories(backups.resolve("2026-11-23"));
        Files.copy(fixture("kv-default").resolve("data.mdb"), good.resolve("data.mdb"));
        Files.setLastModifiedTime(good.resolve("data.mdb"), java.nio.file.attribute.FileTime.from(SNAPSHOT));
        rs = r.run(new BackupsCheck(), dir(fixture("kv-default")));
        assertEquals(List.of(Status.PASS, Status.WARN), rs.stream().map(Result::status).toList(), rs.toString());
        // an options file alone, with a backup directory, still checks the copies
        assertEquals(Status.PASS, r.run(new BackupsCheck(), file(opts("{}"))).get(0).status());
        assertEquals(Status.SKIP, one(run().run(new BackupsCheck(), file(opts("{}")))).status());
    }

    // --- dl.options-drift

    @Test
    void driftBetweenAnOptionsFileAndTheNosyncFixture() throws IOException {
        Path f = opts("{:wal? false\n :kv-opts {:mapsize 10000 :max-readers 1024 :flags #{:nordahead :notls}}}");
        List<Result> rs = run().run(new OptionsDriftCheck(), new Target(fixture("dl-nosync"), f));
        assertEquals(4, rs.size(), rs.toString());
        assertTrue(rs.stream().allMatch(r -> r.status() == Status.WARN), rs.toString());
        Map<String, Result> by = new LinkedHashMap<>();
        rs.forEach(r -> by.put(r.subject(), r));
        assertTrue(by.get(":mapsize").message().contains("ignored"), by.get(":mapsize").message());
        assertTrue(by.get(":mapsize").message().contains("1000 MiB"), by.get(":mapsize").message());
        assertTrue(by.get(":max-readers").observed().contains("256"), by.get(":max-readers").observed());
        assertTrue(by.get(":max-readers").observed().contains("live lock/meta"), by.get(":max-readers").observed());
        assertTrue(by.get(":wal?").observed().contains("txlog"), by.get(":wal?").observed());
        assertTrue(by.get(":flags").observed().contains(":nosync"), by.get(":flags").observed());
    }

    @Test
    void noDriftAndSkips() throws IOException {
        Path f = opts("{:wal? true :kv-opts {:mapsize 1000 :max-readers 256 :flags #{:nordahead :notls :nosync}}}");
        Result r = one(run().run(new OptionsDriftCheck(), new Target(fixture("dl-nosync"), f)));
        assertEquals(Status.PASS, r.status(), r.toString());
        assertEquals(Status.SKIP, one(run().run(new OptionsDriftCheck(), file(f))).status());
        assertEquals(Status.SKIP, one(run().run(new OptionsDriftCheck(), dir(fixture("dl-wal")))).status());
    }

    // --- dl.mapsize

    @Test
    void mapsizeAgainstTheExpectedDataSize() throws IOException {
        Run r = run();
        r.policy = settings(Map.of("expected-data-size", "40 GiB"), null);
        Result small = one(r.run(new MapsizeOptionCheck(), file(opts("{:kv-opts {:mapsize 50000}}"))));
        assertEquals(Status.FAIL, small.status(), small.toString());
        assertTrue(small.fix().contains("{:kv-opts {:mapsize 81920}}"), small.fix());
        assertTrue(small.observed().contains("options file"), small.observed());
        Result enough = one(r.run(new MapsizeOptionCheck(), file(opts("{:kv-opts {:mapsize 81920}}"))));
        assertEquals(Status.PASS, enough.status(), enough.toString());
        Result def = one(r.run(new MapsizeOptionCheck(), file(opts("{:wal? true}"))));
        assertEquals(Status.FAIL, def.status(), def.toString());
        assertTrue(def.observed().contains("1000 MiB") && def.observed().contains("Datalevin default"),
                def.observed());
        Result noPolicy = one(run().run(new MapsizeOptionCheck(), file(opts("{:kv-opts {:mapsize 10}}"))));
        assertEquals(Status.INFO, noPolicy.status(), noPolicy.toString());
        assertTrue(noPolicy.message().contains("no expected data size"), noPolicy.message());
        assertEquals(Status.SKIP, one(r.run(new MapsizeOptionCheck(), dir(fixture("dl-wal")))).status());
        Result existing = one(r.run(new MapsizeOptionCheck(), new Target(fixture("dl-nosync"),
                opts("{:kv-opts {:mapsize 10}}"))));
        assertEquals(Status.SKIP, existing.status());
        assertTrue(existing.message().contains("ignored"), existing.message());
    }

    // --- dl.max-readers

    @Test
    void maxReadersInAnOptionsFile() throws IOException {
        Result low = one(run().run(new MaxReadersOptionCheck(), file(opts("{:kv-opts {:max-readers 256}}"))));
        assertEquals(Status.WARN, low.status(), low.toString());
        assertTrue(low.fix().contains("{:kv-opts {:max-readers 1024}}"), low.fix());
        assertTrue(low.expected().contains("512"), low.expected());
        assertEquals(Status.PASS, one(run().run(new MaxReadersOptionCheck(),
                file(opts("{:max-readers 512}")))).status());
        Result def = one(run().run(new MaxReadersOptionCheck(), file(opts("{}"))));
        assertEquals(Status.PASS, def.status());
        assertTrue(def.observed().contains("Datalevin default"), def.observed());
        Run server = run();
        server.policy = new Policy("test", Optional.of("server"), Map.of(),
                Map.of("dl.max-readers", Map.of("min-readers", 1024L)), Map.of(), List.of());
        Result s = one(server.run(new MaxReadersOptionCheck(), file(opts("{:kv-opts {:max-readers 512}}"))));
        assertEquals(Status.WARN, s.status(), s.toString());
        assertTrue(s.expected().contains("1024") && s.expected().contains("server"), s.expected());
        assertEquals(Status.SKIP, one(run().run(new MaxReadersOptionCheck(), dir(fixture("dl-nosync")))).status());
    }

    @Test
    void malformedOptionsFileIsAnErrorNamingTheLine() throws IOException {
        Result r = one(run().run(new NosyncCheck(), file(opts("{:wal? true\n :kv-opts {:flags #{:nosync}}"))));
        assertEquals(Status.ERROR, r.status());
        assertTrue(r.message().contains(".edn:2"), r.message());
    }

    @Test
    void unreadableStoredOptionsAreAnErrorNotAPass() throws IOException {
        Path db = copy("dl-wal");
        byte[] data = Files.readAllBytes(db.resolve("data.mdb"));
        Files.write(db.resolve("data.mdb"), java.util.Arrays.copyOf(data, 3 * 4096));
        Result r = one(run().run(new NosyncCheck(), dir(db)));
        assertEquals(Status.ERROR, r.status(), r.toString());
        assertTrue(r.message().contains("stored options could not be read"), r.message());
        assertTrue(r.message().contains("--opts"), r.message());
        // the options file still decides
        Result f = one(run().run(new NosyncCheck(), new Target(db, opts("{:kv-opts {:flags #{:nordahead}}}"))));
        assertEquals(Status.PASS, f.status(), f.toString());
    }

    @Test
    void aKvStoreDoesNotRecordItsFlags() {
        for (Check c : List.of(new NosyncCheck(), new DurabilityFlagsCheck())) {
            Result r = one(run().run(c, dir(fixture("kv-default"))));
            assertEquals(Status.INFO, r.status(), r.toString());
            assertTrue(r.message().contains("KV store"), r.message());
            assertTrue(r.message().contains("--opts"), r.message());
        }
    }

    static Path lmdbFixture(String name) {
        try {
            return Path.of(DlChecksTest.class.getResource("/fixtures/lmdb/" + name + "/db").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void plainLmdbAndNosubdirTargetsAreSkippedWithTheReason() throws IOException {
        List<Check> all = List.of(new WalModeCheck(), new NosyncCheck(), new DurabilityFlagsCheck(),
                new WalHealthCheck(), new BackupsCheck(), new OptionsDriftCheck());
        Path plain = lmdbFixture("lmdb09-many-dbis");
        Path nosubdir = lmdbFixture("lmdb09-nosubdir").resolve("x.db");
        for (Check c : all) {
            Result r = one(run().run(c, dir(plain)));
            assertEquals(Status.SKIP, r.status(), c + ": " + r);
            assertTrue(r.message().contains("not a Datalevin database"), r.message());
            assertTrue(r.message().contains("plain LMDB"), r.message());
            Result n = one(run().run(c, dir(nosubdir)));
            assertEquals(Status.SKIP, n.status(), c + ": " + n);
            assertTrue(n.message().contains("MDB_NOSUBDIR"), n.message());
        }
        // with an options file, the file is judged and the directory's reason is shown
        Result r = one(run().run(new NosyncCheck(), new Target(plain, opts("{:kv-opts {:flags #{:nosync}}}"))));
        assertEquals(Status.FAIL, r.status(), r.toString());
        assertTrue(r.evidence().contains("plain LMDB"), r.evidence());
    }

    static void deleteTree(Path p) throws IOException {
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
