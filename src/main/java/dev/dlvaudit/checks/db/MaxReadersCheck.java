package dev.dlvaudit.checks.db;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import dev.dlvaudit.db.DatabaseFacts;
import java.util.List;
import java.util.Optional;

@CheckSpec(
        id = "db.max-readers",
        title = "Enough reader slots for the clients",
        severity = Severity.WARN,
        scope = Scope.DATABASE,
        rationale = "Every read transaction takes a slot in lock.mdb's reader table; with all slots taken a new"
                + " reader fails with MDB_READERS_FULL. The table's size is fixed by the first process that opens"
                + " the database (LMDB's default is 126); a server with many clients and threads needs more.",
        reads = "lock.mdb size: max readers = (size - 128) / 64",
        thresholds = "PASS >= 512 (policy key min-readers; the server profile asks 1024, embedded 126); WARN below;"
                + " INFO when there is no lock file.",
        fix = "Open the database with {:kv-opts {:max-readers 1024}}; it takes effect at the next first open"
                + " (every process closed).",
        sources = {"on-disk-format.md §6", "LMDB documentation: mdb_env_set_maxreaders"})
public final class MaxReadersCheck implements Check {

    @Override
    public List<Finding> evaluate(CheckContext context) {
        Optional<Finding> notJudged = DbGuard.notJudged(context);
        if (notJudged.isPresent()) {
            return List.of(notJudged.get());
        }
        DatabaseFacts f = context.fact(DatabaseFacts.class);
        long min = context.settings().getLong("min-readers", 512);
        String expected = ">= " + min + " reader slots"
                + context.settings().profile().map(p -> " (profile " + p + ")").orElse("");
        if (!f.lock().present()) {
            return List.of(Finding.info("no lock file: the reader table is sized by the next process to open the"
                    + " database (its :max-readers, else 126)").observed("no " + f.lockFile())
                    .expected(expected).evidence(f.lockFile()));
        }
        if (f.lock().maxReaders().isEmpty()) {
            return List.of(Finding.error("cannot tell the max readers: " + f.lockFile() + " is " + f.lock().size()
                    + " bytes, shorter than its 128-byte header — see db.format").evidence(f.lockFile()));
        }
        long max = f.lock().maxReaders().getAsLong();
        String observed = max + " reader slots (" + f.lock().size() + "-byte lock file)";
        if (max >= min) {
            return List.of(Finding.pass(max + " reader slots").observed(observed).expected(expected)
                    .evidence(f.lockFile()));
        }
        return List.of(Finding.warn("only " + max + " reader slots: with more concurrent read transactions new"
                + " readers fail with MDB_READERS_FULL").observed(observed).expected(expected).evidence(f.lockFile())
                .fix("Open the database with {:kv-opts {:max-readers " + Math.max(min, 1024) + "}}; it takes effect"
                        + " at the next first open, when every process using " + f.input() + " has closed it."));
    }
}
