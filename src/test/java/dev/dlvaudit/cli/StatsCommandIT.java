package dev.dlvaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlvaudit.db.Fixtures;
import dev.dlvaudit.testing.Cli;
import org.junit.jupiter.api.Test;

/** stats and readers through the packaged jar: output, exit codes, no stack traces. */
class StatsCommandIT {

    @Test
    void statsOfADatalevinDatabase() {
        Cli.Run run = Cli.run("stats", Fixtures.datalevin("kv-default").resolve("db").toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("Environment Info\n  Map address: (nil)\n  Map size: 1048576000\n"), run.out());
        assertTrue(run.out().contains("Status of events\n"), run.out());
        assertTrue(run.out().contains("  Engine: DLMDB format 1\n"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void damagedDatabaseExits3WithoutAStackTrace() {
        String db = Fixtures.lmdb("dlmdb1-damaged-zero-length-data").resolve("db").toString();
        for (String cmd : new String[] {"stats", "readers"}) {
            Cli.Run run = Cli.run(cmd, db);
            assertEquals(3, run.exitCode(), run.toString());
            assertTrue(run.err().contains(db + "/data.mdb: zero-length data file: the library would start a new,"
                    + " empty database here"), run.err());
            assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), run.err());
        }
    }

    @Test
    void aMissingPathIsOneClearLineAndExit3() {
        for (String cmd : new String[] {"stats", "readers"}) {
            Cli.Run run = Cli.run(cmd, "/nonexistent/db");
            assertEquals(3, run.exitCode(), run.toString());
            assertEquals("", run.out(), run.toString());
            assertEquals("dlv-audit: /nonexistent/db: no such file or directory", run.err().strip(), run.toString());
        }
    }

    @Test
    void readersJson() {
        Cli.Run run = Cli.run("readers", "--format", "json", Fixtures.lmdb("dlmdb1-live-readers").resolve("db").toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("\"pid\" : 15147"), run.out());
    }

    @Test
    void usageErrorExits2() {
        Cli.Run run = Cli.run("stats", "--format", "xml", Fixtures.lmdb("lmdb09-empty").resolve("db").toString());
        assertEquals(2, run.exitCode(), run.toString());
    }
}
