package dev.dlvaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlvaudit.testing.Cli;
import dev.dlvaudit.testing.FakeHost;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dlv-audit check with Datalevin directories and options files, run from the packaged jar on copies
 * of the fixtures in a temp dir (never the fixtures themselves), with the verdicts and exit codes a
 * user sees.
 */
class DatalevinCliIT {
    @TempDir
    Path root;
    @TempDir
    Path work;

    @BeforeEach
    void host() {
        new FakeHost(root).swap(1024 * 1024).sysctl("vm.swappiness", "1")
                .file("/proc/sys/kernel/hostname", "fakehost\n");
    }

    static Path resource(String path) {
        try {
            return Path.of(DatalevinCliIT.class.getResource(path).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of a Datalevin fixture's database in the temp dir. */
    String fixture(String name) {
        return copy(resource("/fixtures/datalevin/" + name + "/db"), work.resolve("db-" + name)).toString();
    }

    static Path copy(Path src, Path dst) {
        try (var walk = Files.walk(src)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path q = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else if (!Files.exists(q)) {
                    Files.copy(p, q, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return dst;
    }

    /** The config dir the jar reads its own policy from: empty unless a test writes policy.edn. */
    Map<String, String> env() {
        return Map.of("DLV_AUDIT_CONFIG_DIR", work.resolve("config").toString());
    }

    String opts(String edn) throws IOException {
        return Files.writeString(work.resolve("app-opts.edn"), edn).toString();
    }

    /** {@code check --host-root ROOT [--only dl] ARGS}, output with whitespace runs folded (the report wraps). */
    Cli.Run check(String... args) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("check", "--host-root", root.toString()));
        if (!java.util.List.of(args).contains("--only")) {
            all.addAll(java.util.List.of("--only", "dl"));
        }
        all.addAll(java.util.List.of(args));
        Cli.Run run = Cli.run(env(), all.toArray(String[]::new));
        return new Cli.Run(run.exitCode(), run.out().replaceAll("\\s+", " "), run.err());
    }

    @Test
    void walDirectoryPassesAndReportsTheDatalevinVersion() throws IOException {
        String db = fixture("dl-wal");
        Map<Path, String> before = snapshot(Path.of(db));
        Cli.Run run = check(db);
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("PASS dl.wal WAL is on"), run.out());
        assertTrue(run.out().contains("PASS dl.wal-health"), run.out());
        assertTrue(run.out().contains("PASS dl.nosync"), run.out());
        assertTrue(run.out().contains("datalevin version 0.10.7"), run.out());
        assertFalse(run.out().contains("FAIL "), run.out());
        assertEquals(before, snapshot(Path.of(db)), "the audited directory must not change");
    }

    /** Every file's size, mtime and content hash: what the one rule forbids changing. */
    static Map<Path, String> snapshot(Path dir) throws IOException {
        Map<Path, String> out = new java.util.TreeMap<>();
        try (var walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                out.put(p, Files.isDirectory(p) ? "dir " + Files.getLastModifiedTime(p)
                        : Files.size(p) + " " + Files.getLastModifiedTime(p) + " "
                        + java.util.Arrays.hashCode(Files.readAllBytes(p)));
            }
        }
        return out;
    }

    @Test
    void nosyncDirectoryWithoutWalFails() throws IOException {
        // no fixture is a :nosync store without WAL (Datalevin 0.10.7 turns WAL on for Datalog stores):
        // dl-nosync without txlog/ and with its stored wal? byte flipped to false stands in for one
        String db = fixture("dl-nosync");
        deleteTree(Path.of(db, "txlog"));
        dev.dlvaudit.testing.PatchedFixtures.storeWalFalse(Path.of(db, "data.mdb"));
        Cli.Run run = check("--skip", "dl.backups", db);
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().contains("FAIL dl.nosync"), run.out());
        assertTrue(run.out().contains(":nosync is on without WAL"), run.out());
        assertTrue(run.out().contains("stored opts (datalevin/opts)"), run.out());
    }

    @Test
    void nosyncWithoutWalInAnOptionsFileFails() throws IOException {
        Cli.Run run = check("--opts", opts("{:wal? false :kv-opts {:flags #{:nosync}}}"));
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().contains("FAIL dl.nosync"), run.out());
        assertTrue(run.out().contains("Remove :nosync from :kv-opts :flags"), run.out());
    }

    @Test
    void walOffUnderTheServerProfileOfAPolicyFileWarns() throws IOException {
        String db = fixture("kv-default");
        Cli.Run plain = check("--only", "dl.wal", db);
        assertEquals(0, plain.exitCode(), plain.toString());
        assertTrue(plain.out().contains("INFO dl.wal WAL is off"), plain.out());
        String policy = Files.writeString(work.resolve("policy.edn"), "{:profile :server}").toString();
        Cli.Run server = check("--only", "dl.wal", "--policy", policy, db);
        assertEquals(0, server.exitCode(), server.toString());
        assertTrue(server.out().contains("WARN dl.wal WAL is off for the server profile"), server.out());
        assertEquals(1, check("--only", "dl.wal", "--policy", policy, "--fail-on", "warn", db).exitCode());
        // the policy's own when-off wins over the profile's
        String quiet = Files.writeString(work.resolve("quiet.edn"),
                "{:profile :server\n :checks {\"dl.wal\" {:when-off :info}}}").toString();
        Cli.Run info = check("--only", "dl.wal", "--policy", quiet, db);
        assertTrue(info.out().contains("INFO dl.wal"), info.out());
    }

    @Test
    void kvStoreAndPlainLmdbAreNotJudgedAsIfTheyWereDatalogStores() {
        Cli.Run kv = check("--only", "dl.nosync,dl.durability-flags", fixture("kv-default"));
        assertEquals(0, kv.exitCode(), kv.toString());
        assertTrue(kv.out().contains("INFO dl.nosync cannot judge :nosync"), kv.out());
        assertFalse(kv.out().contains("PASS"), kv.out());
        Path plain = copy(resource("/fixtures/lmdb/lmdb09-many-dbis/db"), work.resolve("plain"));
        Cli.Run lmdb = check(plain.toString());
        assertEquals(0, lmdb.exitCode(), lmdb.toString());
        assertTrue(lmdb.out().matches("(?s).*SKIP [a-z.,\\s-]*dl\\.nosync.*"), lmdb.out()); // the same reason may list several ids
        assertTrue(lmdb.out().contains("plain LMDB environment, not a Datalevin database"), lmdb.out());
        assertFalse(lmdb.out().contains("ERROR"), lmdb.out());
        Path nosubdir = copy(resource("/fixtures/lmdb/lmdb09-nosubdir/db"), work.resolve("nosubdir"));
        Cli.Run file = check(nosubdir.resolve("x.db").toString());
        assertEquals(0, file.exitCode(), file.toString());
        assertTrue(file.out().contains("MDB_NOSUBDIR data file, not a Datalevin database"), file.out());
        assertFalse(file.out().contains("ERROR"), file.out());
    }

    static void deleteTree(Path p) throws IOException {
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

    @Test
    void jsonReportCarriesTheVersion() throws IOException {
        Cli.Run run = Cli.run(env(), "check", "--host-root", root.toString(), "--only", "dl", "--format", "json",
                "--skip", "dl.backups", fixture("dl-nosync"));
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("0.10.7", json.path("environment").path("datalevin_version").asText(), run.out());
    }

    @Test
    void optionsFileAloneIsTheCiGate() throws IOException {
        Cli.Run run = check("--opts", opts("{:kv-opts {:mapsize 10000 :flags #{:nordahead :nosync}}}"));
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().contains("dl.nosync"), run.out());
        assertTrue(run.out().contains("Remove :nosync from :kv-opts :flags"), run.out());
        assertTrue(run.out().contains("SKIP"), run.out());
        Cli.Run ok = check("--opts", opts("{:wal? true :kv-opts {:flags #{:nordahead :notls}}}"));
        assertEquals(0, ok.exitCode(), ok.toString());
        assertTrue(ok.out().contains("SKIP dl.wal-health"), ok.out());
    }

    @Test
    void ciGateWithAPolicyJudgesMapsizeAndMaxReaders() throws IOException {
        String policy = Files.writeString(work.resolve("gate.edn"),
                "{:profile :server\n :expected-data-size \"40 GiB\"}").toString();
        String f = opts("{:wal? true :kv-opts {:mapsize 10000 :max-readers 512 :flags #{:nordahead :notls}}}");
        Cli.Run run = check("--policy", policy, "--opts", f);
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().contains("FAIL dl.mapsize"), run.out());
        assertTrue(run.out().contains("{:kv-opts {:mapsize 81920}}"), run.out());
        assertTrue(run.out().contains("WARN dl.max-readers"), run.out());
        assertTrue(run.out().contains("PASS dl.wal"), run.out());
        String good = opts("{:wal? true :kv-opts {:mapsize 100000 :max-readers 1024}}");
        Cli.Run pass = check("--policy", policy, "--fail-on", "warn", "--opts", good);
        assertEquals(0, pass.exitCode(), pass.toString());
        assertTrue(pass.out().contains("PASS dl.mapsize") && pass.out().contains("PASS dl.max-readers"), pass.out());
        // without a policy: readers 512 pass the default 512, the map size cannot be judged
        Cli.Run none = check("--opts", f);
        assertEquals(0, none.exitCode(), none.toString());
        assertTrue(none.out().contains("INFO dl.mapsize no expected data size"), none.out());
        assertTrue(none.out().contains("PASS dl.max-readers"), none.out());
    }

    @Test
    void optionsFileDisagreeingWithTheDirectory() throws IOException {
        String f = opts("{:wal? true :kv-opts {:mapsize 10000 :max-readers 1024}}");
        String db = fixture("dl-nosync");
        Cli.Run run = check("--only", "dl.options-drift", "--opts", f, db);
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("WARN dl.options-drift"), run.out());
        assertTrue(run.out().contains(":mapsize 10000 MiB in the options file is ignored"), run.out());
        assertTrue(run.out().contains(":max-readers 1024 in the options file differs from the live lock file's 256"),
                run.out());
        Cli.Run strict = check("--only", "dl.options-drift", "--opts", f, "--fail-on", "warn", db);
        assertEquals(1, strict.exitCode(), strict.toString());
    }

    @Test
    void malformedOptionsFileExitsTwoBeforeAnyAudit() throws IOException {
        String f = opts("{:wal? true\n :kv-opts {:mapsize 10\n");
        Cli.Run run = check("--opts", f, fixture("dl-wal"));
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains(f + ":2:"), run.err());
        assertTrue(run.err().contains("expected"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void backupDirWithoutValidCopiesFails() throws IOException {
        Path backups = Files.createDirectories(work.resolve("backups/2026-01-01"));
        Files.write(backups.resolve("data.mdb"), new byte[100]);
        Cli.Run run = check("--only", "dl.backups", "--backup-dir", work.resolve("backups").toString(),
                fixture("kv-default"));
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().contains("not a valid database"), run.out());
        assertEquals(2, check("--backup-dir", work.resolve("nope").toString(), fixture("kv-default")).exitCode());
    }
}
