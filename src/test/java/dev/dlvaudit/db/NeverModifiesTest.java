package dev.dlvaudit.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The rule: reading a database changes no byte and no mtime, and creates no file (no lock.mdb). */
class NeverModifiesTest {

    /** path -> sha256 + mtime + size of every file and directory under {@code dir}. */
    static Map<String, String> snapshot(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String mtime = Files.getLastModifiedTime(p).toString();
                String digest = "";
                if (Files.isRegularFile(p)) {
                    digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
                }
                out.put(dir.relativize(p).toString(), mtime + " " + digest);
            }
        }
        return out;
    }

    static void readEverything(Path env) throws IOException {
        try (DatabaseReader r = DatabaseReader.open(env)) {
            if (r.facts().walkState() == WalkState.COMPLETE) {
                for (NamedDbi d : r.facts().dbis()) {
                    r.entries(d.name(), Integer.MAX_VALUE);
                    r.verifyDbi(d.name());
                }
            }
        }
    }

    @Test
    void everyFixtureIsUnchangedAfterReading(@TempDir Path tmp) throws Exception {
        int n = 0;
        for (String name : Fixtures.lmdbNames()) {
            Path copy = tmp.resolve("lmdb-" + name);
            Fixtures.copyTree(Fixtures.lmdb(name), copy);
            Map<String, String> before = snapshot(copy);
            Path env = copy.resolve(Fixtures.lmdb(name).relativize(Fixtures.lmdbEnv(name)).toString());
            readEverything(env);
            assertEquals(before, snapshot(copy), name);
            n++;
        }
        for (String name : Fixtures.datalevinNames()) {
            Path copy = tmp.resolve("dl-" + name);
            Fixtures.copyTree(Fixtures.datalevin(name), copy);
            Map<String, String> before = snapshot(copy);
            readEverything(copy.resolve("db"));
            assertEquals(before, snapshot(copy), name);
            n++;
        }
        assertEquals(Fixtures.lmdbNames().size() + Fixtures.datalevinNames().size(), n);
    }

    @Test
    void noLockFileIsCreated(@TempDir Path tmp) throws Exception {
        Path db = tmp.resolve("db");
        Fixtures.copyTree(Fixtures.lmdb("dlmdb1-datalevin-like").resolve("db"), db);
        Files.delete(db.resolve("lock.mdb"));
        Map<String, String> before = snapshot(db);
        DatabaseFacts f = DatabaseReader.read(db);
        readEverything(db);
        assertFalse(f.lock().present());
        assertEquals(LockInfo.Layout.ABSENT, f.lock().layout());
        assertFalse(Files.exists(db.resolve("lock.mdb")));
        assertEquals(before, snapshot(db));

        Path nosub = tmp.resolve("nosub");
        Fixtures.copyTree(Fixtures.lmdb("lmdb09-nosubdir").resolve("db"), nosub);
        Files.delete(nosub.resolve("x.db-lock"));
        Map<String, String> before2 = snapshot(nosub);
        readEverything(nosub.resolve("x.db"));
        assertFalse(Files.exists(nosub.resolve("x.db-lock")));
        assertEquals(before2, snapshot(nosub));
    }
}
