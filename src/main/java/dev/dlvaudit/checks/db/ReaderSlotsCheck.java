package dev.dlvaudit.checks.db;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import dev.dlvaudit.api.Units;
import dev.dlvaudit.db.DatabaseFacts;
import dev.dlvaudit.db.LockInfo;
import java.util.List;
import java.util.Optional;

@CheckSpec(
        id = "db.reader-slots",
        title = "Reader slots in use",
        severity = Severity.WARN,
        scope = Scope.DATABASE,
        rationale = "A slot stays taken while its process (or thread, without :notls) keeps it; when all are taken"
                + " the next reader fails with MDB_READERS_FULL. The high-water mark shows how close the busiest"
                + " moment came.",
        reads = "lock.mdb reader table (slots with a pid) and numreaders (high-water mark)",
        thresholds = "WARN when slots in use >= 80 % of max readers (policy key warn-ratio); INFO otherwise.",
        fix = "Raise :max-readers in :kv-opts (effective at the next first open) and find the process holding many slots.",
        sources = {"on-disk-format.md §6", "LMDB documentation: mdb_reader_list"})
public final class ReaderSlotsCheck implements Check {

    @Override
    public List<Finding> evaluate(CheckContext context) {
        Optional<Finding> guard = DbGuard.readerTableGuard(context);
        if (guard.isPresent()) {
            return List.of(guard.get());
        }
        DatabaseFacts f = context.fact(DatabaseFacts.class);
        LockInfo lock = f.lock();
        if (lock.maxReaders().isEmpty()) {
            return List.of(Finding.error("cannot tell the max readers from " + f.lockFile()).evidence(f.lockFile()));
        }
        double warnRatio = context.settings().getDouble("warn-ratio", 0.8);
        long max = lock.maxReaders().getAsLong();
        int inUse = lock.slots().size();
        String high = lock.numReaders().isPresent() ? Long.toString(lock.numReaders().getAsLong()) : "unknown";
        String observed = inUse + " in use of " + max + ", high-water " + high + " (" + lock.activeSlots().size()
                + " holding a read transaction)";
        String expected = "< " + Units.percent(warnRatio) + " of " + max + " slots in use";
        double ratio = max > 0 ? (double) inUse / max : 1.0;
        if (ratio >= warnRatio) {
            return List.of(Finding.warn(inUse + " of " + max + " reader slots are in use (" + Units.percent(ratio)
                    + "): new readers fail with MDB_READERS_FULL once all are taken")
                    .observed(observed).expected(expected).evidence(f.lockFile())
                    .fix("Run dlv-audit readers " + f.input() + " to see who holds them (db.stale-readers names"
                            + " slots of dead processes); open the database with {:kv-opts {:max-readers "
                            + Math.max(1024, 2 * max) + "}}, effective at the next first open."));
        }
        return List.of(Finding.info(inUse + " of " + max + " reader slots in use, high-water " + high)
                .observed(observed).expected(expected).evidence(f.lockFile()));
    }
}
