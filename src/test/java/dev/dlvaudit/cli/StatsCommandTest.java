package dev.dlvaudit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlvaudit.db.Fixtures;
import dev.dlvaudit.db.GroundTruthText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code stats} in-process: its mdb_stat part equals the engines' own mdb_stat output, line for line. */
class StatsCommandTest {

    record Out(int exit, String out, String err) {
    }

    static Out run(String... args) {
        CommandLine cl = CommandLineFactory.create();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Out(exit, out.toString(), err.toString());
    }

    /** Every fixture (lmdb and datalevin) with a successful mdb_stat -e -f -a run. */
    static List<Path> withStatRun() throws Exception {
        List<Path> out = new ArrayList<>();
        for (String n : Fixtures.lmdbNames()) {
            if (GroundTruthText.statRun(Fixtures.lmdb(n).resolve("GROUND_TRUTH.txt")) != null) {
                out.add(Fixtures.lmdb(n));
            }
        }
        for (String n : Fixtures.datalevinNames()) {
            out.add(Fixtures.datalevin(n));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withStatRun")
    void textEqualsMdbStat(Path fixture) throws Exception {
        GroundTruthText.Run run = GroundTruthText.statRun(fixture.resolve("GROUND_TRUTH.txt"));
        String env = run.command().substring(run.command().lastIndexOf(' ') + 1); // db or db/x.db
        Out o = run("stats", fixture.resolve(env).toString());
        List<String> ours = new ArrayList<>();
        for (String l : o.out().split("\n")) {
            if (l.equals("Derived (dlv-audit)")) {
                break;
            }
            ours.add(l);
        }
        List<String> theirs = new ArrayList<>(run.lines().stream().filter(l -> !l.startsWith("=== ")).toList());
        if (!run.label().equals("as-is")) {
            // a first opener re-initialised the copy's lock file: its reader numbers are the tool's own
            ours.removeIf(l -> l.startsWith("  Max readers:") || l.startsWith("  Number of readers used:"));
            theirs.removeIf(l -> l.startsWith("  Max readers:") || l.startsWith("  Number of readers used:"));
        }
        assertEquals(String.join("\n", theirs), String.join("\n", ours), fixture.getFileName().toString());
        String fx = fixture.getFileName().toString();
        boolean lockOnlyDamage = fx.contains("damaged-lock") || fx.contains("lock-rewritten");
        assertEquals(lockOnlyDamage ? 3 : 0, o.exit(), o.err());
    }

    @Test
    void jsonHasTheNumbers() throws Exception {
        Out o = run("stats", "--format", "json", Fixtures.lmdb("dlmdb1-datalevin-like").resolve("db").toString());
        assertEquals(0, o.exit(), o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertEquals(1048576000L, j.path("environment").path("mapSize").asLong());
        assertEquals(453, j.path("environment").path("pagesUsed").asLong());
        assertEquals(153, j.path("freelist").path("freePages").asLong());
        assertEquals(7, j.path("dbis").size());
        assertEquals("DLMDB_FORMAT_1", j.path("engine").asText());
        assertEquals((256000L - 452 - 1 + 153) * 4096, j.path("derived").path("reusableBytes").asLong());
        assertEquals(1024, j.path("derived").path("readersMax").asLong());
        JsonNode giants = null;
        for (JsonNode d : j.path("dbis")) {
            if (d.path("name").asText().equals("datalevin/giants")) {
                giants = d;
            }
        }
        assertEquals(16.0 / 17.0, giants.path("overflowRatio").asDouble(), 1e-12);
    }

    @Test
    void dbiFilter() {
        Out o = run("stats", "--dbi", "datalevin/giants", Fixtures.lmdb("dlmdb1-datalevin-like").resolve("db").toString());
        assertEquals(0, o.exit(), o.err());
        assertTrue(o.out().contains("Status of datalevin/giants\n  Tree depth: 1\n  Branch pages: 0\n  Leaf pages: 1\n"
                + "  Overflow pages: 16\n  Entries: 6\n"), o.out());
        assertFalse(o.out().contains("Status of datalevin/eav"));
        assertTrue(o.out().contains("Overflow ratio of datalevin/giants: 94.1 % (16 of 17 pages)"), o.out());
        Out none = run("stats", "--dbi", "nope", Fixtures.lmdb("dlmdb1-datalevin-like").resolve("db").toString());
        assertEquals(3, none.exit());
        assertTrue(none.err().contains("no DBI named 'nope'"));
    }

    @Test
    void damagedInputExits3WithTheFileAndNoStackTrace(@TempDir Path tmp) throws Exception {
        String[][] cases = {
            {"dlmdb1-damaged-both-metas-bad-magic", "meta page 0 has bad magic"},
            {"dlmdb1-damaged-zero-length-data", "the library would start a new, empty database here"},
            {"dlmdb1-damaged-truncated-mid-page", "truncated: page 62 lies beyond the end of the file (size 256123"},
            {"dlmdb1-damaged-version-999", "MDB_VERSION_MISMATCH"},
            {"dlmdb1-damaged-lock-only-no-data", "no data.mdb"},
            {"dlmdb1-damaged-lock-truncated-100", "lock.mdb: truncated: 100 bytes"},
            {"lmdb09-damaged-lock-bogus-format", "0xdeadbeef"},
            {"lmdb09-damaged-meta0-bad-magic", "MDB_INVALID"},
        };
        for (String cmd : new String[] {"stats", "readers"}) {
            for (String[] c : cases) {
                Path db = Fixtures.lmdb(c[0]).resolve("db");
                Out o = run(cmd, db.toString());
                assertEquals(3, o.exit(), cmd + " " + c[0] + "\n" + o.err());
                assertTrue(o.err().contains(c[1]) && o.err().contains(db.toString()), cmd + " " + c[0] + ": " + o.err());
                assertFalse(o.err().contains("Exception") || o.err().contains("\tat "), o.err());
            }
            Out missing = run(cmd, tmp.resolve("missing").toString());
            assertEquals(3, missing.exit());
            assertTrue(missing.err().contains(tmp.resolve("missing") + ": no such file or directory"), missing.err());
            Out file = run(cmd, Fixtures.lmdb("lmdb09-empty").resolve("FIXTURE.json").toString());
            assertEquals(3, file.exit(), file.err()); // not an LMDB data file
        }
        assertFalse(Files.exists(tmp.resolve("missing")));
    }

    @Test
    void survivingMetaIsShownWhenMeta0IsBad() {
        Out o = run("stats", Fixtures.lmdb("lmdb09-damaged-meta0-bad-magic").resolve("db").toString());
        assertEquals(3, o.exit());
        assertTrue(o.out().contains("  Last transaction ID: 1\n"), o.out());
        assertTrue(o.out().contains("  Current meta page: 1\n"), o.out());
        assertTrue(Arrays.stream(o.out().split("\n")).anyMatch(l -> l.startsWith("  Problem: ") && l.contains("MDB_INVALID")));
    }
}
