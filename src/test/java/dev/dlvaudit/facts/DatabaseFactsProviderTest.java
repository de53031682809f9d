package dev.dlvaudit.facts;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import dev.dlvaudit.api.Status;
import dev.dlvaudit.api.Target;
import dev.dlvaudit.db.DatabaseFacts;
import dev.dlvaudit.db.DbiEntries;
import dev.dlvaudit.db.Fixtures;
import dev.dlvaudit.engine.Result;
import dev.dlvaudit.testing.CheckRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The providers, through the real engine and ServiceLoader. */
class DatabaseFactsProviderTest {

    @CheckSpec(id = "test.db-facts", title = "t", severity = Severity.WARN, scope = Scope.DATABASE,
            rationale = "r", reads = "data.mdb", fix = "f")
    public static final class FactsProbe implements Check {
        @Override
        public List<Finding> evaluate(CheckContext context) throws Exception {
            DatabaseFacts f = context.fact(DatabaseFacts.class);
            if (!f.problems().isEmpty()) {
                return List.of(Finding.fail(f.problems().get(0).message()));
            }
            DbiEntries e = context.fact(DbiEntries.class);
            return List.of(Finding.info(f.engine().name() + " " + e.dbiNames() + " "
                    + e.entries("users", 1000).orElseThrow().size()));
        }
    }

    @Test
    void factsAndEntriesThroughTheEngine(@TempDir Path host) {
        Result r = new CheckRunner(host).one(new FactsProbe(),
                new Target(Fixtures.datalevin("kv-default").resolve("db"), null));
        assertEquals(Status.INFO, r.status(), r.toString());
        assertTrue(r.message().equals("DLMDB_FORMAT_1 [datalevin/kv-info, events, users] 250"), r.message());
    }

    @Test
    void damageIsDataNotAnException(@TempDir Path host) {
        Result r = new CheckRunner(host).one(new FactsProbe(),
                new Target(Fixtures.lmdb("dlmdb1-damaged-version-999").resolve("db"), null));
        assertEquals(Status.FAIL, r.status(), r.toString());
        assertTrue(r.message().contains("MDB_VERSION_MISMATCH"), r.message());
    }
}
