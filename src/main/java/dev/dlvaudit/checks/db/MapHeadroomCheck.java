package dev.dlvaudit.checks.db;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import dev.dlvaudit.api.Units;
import dev.dlvaudit.db.DatabaseFacts;
import java.util.List;
import java.util.Optional;

@CheckSpec(
        id = "db.map-headroom",
        title = "Map size leaves room for the data to grow",
        severity = Severity.FAIL,
        scope = Scope.DATABASE,
        rationale = "LMDB stores at most the map size. When a write finds the map full, Datalevin grows it ten-fold"
                + " and retries: a latency spike while every reader remaps, not an outage — as long as the disk"
                + " can hold the larger file. A map that is mostly used means that spike is near; a map smaller"
                + " than twice the data you expect means it will come.",
        reads = "data.mdb current meta page: mm_mapsize, (mm_last_pg + 1) * page size",
        thresholds = "PASS used <= 50 % of the map; WARN <= 80 %; FAIL above. Policy keys: warn-ratio (0.5),"
                + " fail-ratio (0.8), expected-data-size (FAIL when the map is smaller than twice it).",
        fix = "Give the map room with :mapsize (MiB) in :kv-opts, or compact with dtlv copy -c.",
        sources = {"on-disk-format.md §3", "Datalevin: lmdb.clj grows the map x10 on MDB_MAP_FULL"})
public final class MapHeadroomCheck implements Check {
    private static final long MIB = 1L << 20;

    @Override
    public List<Finding> evaluate(CheckContext context) {
        Optional<Finding> notJudged = DbGuard.notJudged(context);
        if (notJudged.isPresent()) {
            return List.of(notJudged.get());
        }
        DatabaseFacts f = context.fact(DatabaseFacts.class);
        double warnRatio = context.settings().getDouble("warn-ratio", 0.5);
        double failRatio = context.settings().getDouble("fail-ratio", 0.8);
        Optional<Long> expectedSize = context.settings().getBytes("expected-data-size");
        long map = f.mapSize().getAsLong();
        long used = f.usedBytes().getAsLong();
        double ratio = map > 0 ? (double) used / map : 1.0;
        String observed = Units.bytes(used) + " used of a " + Units.bytes(map) + " map (" + Units.percent(ratio) + ")"
                + expectedSize.map(e -> "; expected data size " + Units.bytes(e)).orElse("");
        String expected = "used <= " + Units.percent(warnRatio) + " of the map"
                + expectedSize.map(e -> "; map >= " + Units.bytes(2 * e) + " (2x the expected data size)").orElse("");
        String evidence = DbGuard.evidence(f) + " (meta page " + f.currentMeta() + ", txnid " + f.txnid().getAsLong() + ")";
        String growth = "Datalevin grows the map ten-fold when a write finds it full (a latency spike while it"
                + " remaps, not an outage, if the disk has room: see db.disk-room)";
        long wanted = Math.max(2 * used, expectedSize.map(e -> 2 * e).orElse(0L));
        String fix = fix(f, wanted);
        if (expectedSize.isPresent() && map < 2 * expectedSize.get()) {
            return List.of(Finding.fail("the map (" + Units.bytes(map) + ") is smaller than twice the expected data size ("
                    + Units.bytes(expectedSize.get()) + "): " + growth)
                    .observed(observed).expected(expected).evidence(evidence).fix(fix));
        }
        if (ratio > failRatio) {
            return List.of(Finding.fail("the data fills " + Units.percent(ratio) + " of the map: " + growth)
                    .observed(observed).expected(expected).evidence(evidence).fix(fix));
        }
        if (ratio > warnRatio) {
            return List.of(Finding.warn("the data fills " + Units.percent(ratio) + " of the map: " + growth)
                    .observed(observed).expected(expected).evidence(evidence).fix(fix));
        }
        return List.of(Finding.pass("the data fills " + Units.percent(ratio) + " of the map")
                .observed(observed).expected(expected).evidence(evidence));
    }

    private static String fix(DatabaseFacts f, long wantedBytes) {
        long mib = Math.max(1, (wantedBytes + MIB - 1) / MIB);
        return "Open the database with {:kv-opts {:mapsize " + mib + "}} (MiB) or larger — for an existing database"
                + " Datalevin ignores a :mapsize below the data and picks 1000, 10000, ... MiB covering data.mdb, so"
                + " choose a value above " + Units.bytes(f.dataFileSize() < 0 ? 0 : f.dataFileSize()) + "; or reclaim"
                + " free pages with dtlv copy -c " + f.input() + " <dest> (then swap the directories while stopped).";
    }
}
