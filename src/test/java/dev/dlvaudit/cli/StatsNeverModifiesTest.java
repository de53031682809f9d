package dev.dlvaudit.cli;

import dev.dlvaudit.db.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The rule, through the commands: stats and readers leave every byte, mtime and file list as it was. */
class StatsNeverModifiesTest {

    static Map<String, String> snapshot(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String digest = Files.isRegularFile(p)
                        ? HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))) : "";
                out.put(dir.relativize(p).toString(), Files.getLastModifiedTime(p) + " " + digest);
            }
        }
        return out;
    }

    @Test
    void statsAndReadersChangeNothing(@TempDir Path tmp) throws Exception {
        for (String name : Fixtures.lmdbNames()) {
            Path copy = tmp.resolve(name);
            Fixtures.copyTree(Fixtures.lmdb(name), copy);
            Path env = copy.resolve(Fixtures.lmdb(name).relativize(Fixtures.lmdbEnv(name)).toString());
            Map<String, String> before = snapshot(copy);
            StatsCommandTest.run("stats", env.toString());
            StatsCommandTest.run("stats", "--format", "json", env.toString());
            StatsCommandTest.run("readers", env.toString());
            StatsCommandTest.run("readers", "--format", "json", env.toString());
            assertEquals(before, snapshot(copy), name);
        }
        for (String name : Fixtures.datalevinNames()) {
            Path copy = tmp.resolve("dl-" + name);
            Fixtures.copyTree(Fixtures.datalevin(name), copy);
            Map<String, String> before = snapshot(copy);
            StatsCommandTest.run("stats", copy.resolve("db").toString());
            StatsCommandTest.run("readers", copy.resolve("db").toString());
            assertEquals(before, snapshot(copy), name);
        }
        Path nolock = tmp.resolve("nolock");
        Fixtures.copyTree(Fixtures.datalevin("kv-default").resolve("db"), nolock);
        Files.delete(nolock.resolve("lock.mdb"));
        StatsCommandTest.run("stats", nolock.toString());
        StatsCommandTest.run("readers", nolock.toString());
        assertFalse(Files.exists(nolock.resolve("lock.mdb")));
    }
}
