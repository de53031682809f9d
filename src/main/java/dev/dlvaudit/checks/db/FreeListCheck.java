package dev.dlvaudit.checks.db;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import dev.dlvaudit.api.Units;
import dev.dlvaudit.db.DatabaseFacts;
import dev.dlvaudit.db.EngineKind;
import dev.dlvaudit.db.FreeList;
import dev.dlvaudit.db.WalkState;
import java.util.List;
import java.util.Optional;

@CheckSpec(
        id = "db.free-list",
        title = "Free pages are a small part of the file",
        severity = Severity.WARN,
        scope = Scope.DATABASE,
        rationale = "LMDB never shrinks data.mdb: pages freed by deletes and updates go on the free list and are"
                + " reused by later writes. A free list that is a large part of the file means disk, backups and"
                + " page cache spent on nothing; a compacting copy writes only the live pages.",
        reads = "data.mdb FREE_DBI (the sum of every record's page count), the current meta's last page",
        thresholds = "WARN when free pages / used pages > 50 % (policy key warn-ratio); INFO when the page level"
                + " is not available (DLMDB format 2).",
        fix = "Compact: dtlv copy -c <dir> <dest> (or (d/copy db dest true)), then swap the directories while"
                + " the database is closed.",
        sources = {"on-disk-format.md §5", "Datalevin: copy with compaction"})
public final class FreeListCheck implements Check {

    @Override
    public List<Finding> evaluate(CheckContext context) {
        Optional<Finding> notJudged = DbGuard.notJudged(context);
        if (notJudged.isPresent()) {
            return List.of(notJudged.get());
        }
        DatabaseFacts f = context.fact(DatabaseFacts.class);
        if (f.walkState() != WalkState.COMPLETE || f.freeList().isEmpty()) {
            String why = f.walkNote() != null ? f.walkNote() : "the free list was not read (" + f.walkState() + ")";
            if (f.walkState() == WalkState.NOT_AVAILABLE && f.engine() == EngineKind.DLMDB_FORMAT_2) {
                return List.of(Finding.info("free list not available: " + why)
                        .observed("page level not available (" + f.engine().label() + ")")
                        .expected("free pages <= 50 % of used pages").evidence(DbGuard.evidence(f)));
            }
            return List.of(Finding.error("cannot read the free list: " + why).evidence(DbGuard.evidence(f)));
        }
        double warnRatio = context.settings().getDouble("warn-ratio", 0.5);
        FreeList free = f.freeList().get();
        long used = f.pagesUsed().getAsLong();
        double ratio = f.freeRatio().orElse(0);
        String observed = free.freePages() + " free of " + used + " used pages (" + Units.percent(ratio) + ", "
                + Units.bytes(free.freePages() * f.pageSize()) + ") in " + free.recordCount() + " free-list record(s)";
        String expected = "free pages <= " + Units.percent(warnRatio) + " of used pages";
        String evidence = DbGuard.evidence(f) + " FREE_DBI (meta page " + f.currentMeta() + ", txnid "
                + f.txnid().getAsLong() + ")";
        if (ratio > warnRatio) {
            return List.of(Finding.warn(Units.percent(ratio) + " of the used pages are free: a compacting copy would"
                    + " shrink the file by about " + Units.bytes(free.freePages() * f.pageSize()))
                    .observed(observed).expected(expected).evidence(evidence)
                    .fix("While no process writes: dtlv copy -c " + f.input() + " <dest> (or (d/copy db \"<dest>\" true)"
                            + " from Clojure), then stop the users, swap the directories and restart."));
        }
        return List.of(Finding.pass(Units.percent(ratio) + " of the used pages are free")
                .observed(observed).expected(expected).evidence(evidence));
    }
}
