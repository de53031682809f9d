package dev.dlvaudit.cli;

import dev.dlvaudit.db.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rule, through check: every database check on every fixture leaves bytes, mtimes and file lists as they were. */
class CheckNeverModifiesTest {

    @Test
    void checkChangesNothing(@TempDir Path tmp) throws Exception {
        Path all = tmp.resolve("all");
        Fixtures.copyTree(Fixtures.root(), all);
        Path nolock = all.resolve("nolock");
        Fixtures.copyTree(Fixtures.datalevin("kv-default").resolve("db"), nolock);
        Files.delete(nolock.resolve("lock.mdb"));
        Map<String, String> before = StatsNeverModifiesTest.snapshot(all);
        int targets = 0;
        for (String name : Fixtures.lmdbNames()) {
            Path env = all.resolve("lmdb").resolve(name)
                    .resolve(Fixtures.lmdb(name).relativize(Fixtures.lmdbEnv(name)).toString());
            StatsCommandTest.Out out = StatsCommandTest.run("check", "--only", "db,dl", env.toString());
            assertTrue(out.exit() == 0 || out.exit() == 1, name + ": " + out);
            targets++;
        }
        for (String name : Fixtures.datalevinNames()) {
            StatsCommandTest.run("check", "--only", "db,dl", all.resolve("datalevin").resolve(name).resolve("db").toString());
            targets++;
        }
        StatsCommandTest.run("check", "--only", "db", nolock.toString());
        assertEquals(before, StatsNeverModifiesTest.snapshot(all));
        assertFalse(Files.exists(nolock.resolve("lock.mdb")));
        assertTrue(targets > 20);
    }
}
