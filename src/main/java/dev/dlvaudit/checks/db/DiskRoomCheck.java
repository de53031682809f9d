package dev.dlvaudit.checks.db;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import dev.dlvaudit.api.Units;
import dev.dlvaudit.db.DatabaseFacts;
import dev.dlvaudit.facts.DataFileSpace;
import java.util.List;
import java.util.Optional;

@CheckSpec(
        id = "db.disk-room",
        title = "The disk can hold the map's growth",
        severity = Severity.FAIL,
        scope = Scope.DATABASE,
        rationale = "data.mdb grows as pages are used, up to the map size. A full disk fails the commit that needs"
                + " a new page; with :writemap the file is a sparse file at the full map size and the kernel finds"
                + " the disk full only when it writes a dirty page back: the process dies with SIGBUS.",
        reads = "free space of the filesystem holding data.mdb (statvfs), the current meta page's map size and used pages",
        thresholds = "FAIL when free space < what the map may still grow into (map - used, capped by the policy's"
                + " expected-data-size - used); WARN under twice that.",
        fix = "Free or add disk space on the database's filesystem, or cap the map (:mapsize) to what the disk can hold.",
        sources = {"on-disk-format.md §3", "LMDB documentation: MDB_WRITEMAP"})
public final class DiskRoomCheck implements Check {

    @Override
    public List<Finding> evaluate(CheckContext context) {
        Optional<Finding> notJudged = DbGuard.notJudged(context);
        if (notJudged.isPresent()) {
            return List.of(notJudged.get());
        }
        DatabaseFacts f = context.fact(DatabaseFacts.class);
        DataFileSpace space = context.fact(DataFileSpace.class);
        long map = f.mapSize().getAsLong();
        long used = f.usedBytes().getAsLong();
        Optional<Long> expectedSize = context.settings().getBytes("expected-data-size");
        long growth = Math.max(0, map - used);
        String capNote = "";
        if (expectedSize.isPresent() && expectedSize.get() - used < growth) {
            growth = Math.max(0, expectedSize.get() - used);
            capNote = " (capped by the expected data size " + Units.bytes(expectedSize.get()) + ")";
        }
        long free = space.usableBytes();
        String observed = Units.bytes(free) + " free on " + space.store() + "; the map may still grow by "
                + Units.bytes(growth) + capNote + " (" + Units.bytes(used) + " used of " + Units.bytes(map) + ")";
        String expected = "free space >= " + Units.bytes(2 * growth) + " (twice the possible growth)";
        String evidence = space.dataFile() + " on " + space.store();
        boolean sparse = f.dataFileSize() > used;
        String sigbus = sparse
                ? "; data.mdb is " + Units.bytes(f.dataFileSize()) + " apparent but only " + Units.bytes(used)
                + " used (a sparse file, as with :writemap): when the disk fills, the writer dies with SIGBUS"
                : "; when the disk fills, the commit that needs a page fails (with :writemap the process dies with SIGBUS)";
        String fix = "Free or add space on the filesystem holding " + space.dataFile() + " (df -h " + space.dataFile()
                + "), or set {:kv-opts {:mapsize N}} (MiB) to no more than the disk can hold.";
        if (free < growth) {
            return List.of(Finding.fail("the filesystem has " + Units.bytes(free) + " free, less than the "
                    + Units.bytes(growth) + " the map may still grow into" + sigbus)
                    .observed(observed).expected(expected).evidence(evidence).fix(fix));
        }
        if (free < 2 * growth) {
            return List.of(Finding.warn("the filesystem has " + Units.bytes(free) + " free, less than twice the "
                    + Units.bytes(growth) + " the map may still grow into" + sigbus)
                    .observed(observed).expected(expected).evidence(evidence).fix(fix));
        }
        return List.of(Finding.pass(Units.bytes(free) + " free covers the " + Units.bytes(growth)
                + " the map may still grow into").observed(observed).expected(expected).evidence(evidence));
    }
}
