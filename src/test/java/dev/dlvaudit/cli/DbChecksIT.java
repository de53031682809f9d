package dev.dlvaudit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlvaudit.db.Fixtures;
import dev.dlvaudit.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** check --only db through the packaged jar, on fixture copies. */
class DbChecksIT {

    static Path copy(String fixture, Path tmp) throws Exception {
        Path to = tmp.resolve(fixture);
        Fixtures.copyTree(Fixtures.lmdb(fixture).resolve("db"), to);
        return to;
    }

    @Test
    void aHealthyDatabaseWarnsAndTheGatePassesAtFail(@TempDir Path tmp) throws Exception {
        Path db = copy("dlmdb1-freelist-heavy", tmp);
        // db.filesystem and db.device read the host's mountinfo: another test's business (an empty host root here)
        Cli.Run r = Cli.run("check", "--only", "db", "--skip", "db.filesystem,db.device", "--host-root", tmp.toString(),
                db.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("WARN   db.free-list") && r.out().contains("89.2 % of the used pages are free"), r.out());
        assertTrue(r.out().contains("INFO   db.format") && r.out().contains("DLMDB format 1"), r.out());
        assertTrue(r.out().contains("PASS   db.map-headroom"), r.out());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void damagedDatabasesTripTheGateWithTheOperatorsWords(@TempDir Path tmp) throws Exception {
        Path magic = copy("dlmdb1-damaged-both-metas-bad-magic", tmp);
        Path empty = copy("dlmdb1-damaged-zero-length-data", tmp);
        Path lock = copy("dlmdb1-lock-rewritten-by-lmdb09", tmp);
        Path full = copy("dlmdb1-map-nearly-full", tmp);
        Cli.Run r = Cli.run("check", "--only", "db", "--format", "json", "--host-root", tmp.toString(),
                magic.toString(), empty.toString(), lock.toString(), full.toString());
        assertEquals(1, r.exitCode(), r.toString());
        JsonNode results = new ObjectMapper().readTree(r.out()).get("results");
        assertTrue(has(results, "db.format", magic, "FAIL", "Datalevin will not open this database (MDB_INVALID)"), r.out());
        assertTrue(has(results, "db.map-headroom", magic, "ERROR", "not judged"), r.out());
        assertTrue(has(results, "db.format", empty, "FAIL", "an empty database will be created at the next open"), r.out());
        assertTrue(has(results, "db.format", lock, "FAIL", "until lock.mdb is removed"), r.out());
        assertTrue(has(results, "db.map-headroom", full, "FAIL", "of the map"), r.out());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void aServerRootIsAuditedDatabaseByDatabase(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("datalevin");
        Fixtures.copyTree(Fixtures.datalevin("kv-default").resolve("db"), root.resolve("6D796462"));
        Fixtures.copyTree(Fixtures.lmdb("dlmdb1-readers-126").resolve("db"), root.resolve("system"));
        Cli.Run text = Cli.run("check", "--only", "db.max-readers", "--host-root", tmp.toString(), root.toString());
        assertTrue(text.out().contains(root.resolve("6D796462") + " (mydb)"), text.out());
        assertTrue(text.out().contains(root.resolve("system") + " (system)"), text.out());

        Cli.Run json = Cli.run("check", "--only", "db", "--format", "json", "--host-root", tmp.toString(), root.toString());
        JsonNode dbs = new ObjectMapper().readTree(json.out()).get("environment").get("databases");
        assertEquals(2, dbs.size(), json.out());
        assertEquals("mydb", dbs.get(0).get("name").asText());
        assertEquals(126, dbs.get(1).get("readers_max").asLong());

        Cli.Run prom = Cli.run("check", "--only", "db", "--format", "prometheus", "--host-root", tmp.toString(),
                root.toString());
        assertTrue(prom.out().contains("dlv_audit_readers{db=\"" + root.resolve("system") + "\",kind=\"max\"} 126"),
                prom.out());
        assertTrue(prom.out().contains("# TYPE dlv_audit_map_used_ratio gauge"), prom.out());
        assertTrue(prom.out().contains("dlv_audit_map_used_ratio{db=\"" + root.resolve("6D796462") + "\"} 0."), prom.out());
    }

    @Test
    void anOptionsFileAloneSkipsTheDatabaseChecks(@TempDir Path tmp) throws Exception {
        Path opts = tmp.resolve("opts.edn");
        java.nio.file.Files.writeString(opts, "{:wal? true}");
        Cli.Run r = Cli.run("check", "--only", "db", "--host-root", tmp.toString(), "--opts", opts.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("needs a live database directory"), r.out());
    }

    private static boolean has(JsonNode results, String id, Path target, String status, String words) {
        for (JsonNode n : results) {
            if (n.get("id").asText().equals(id) && n.get("target").asText().equals(target.toString())
                    && n.get("status").asText().equals(status) && n.get("message").asText().contains(words)) {
                return true;
            }
        }
        return false;
    }
}
