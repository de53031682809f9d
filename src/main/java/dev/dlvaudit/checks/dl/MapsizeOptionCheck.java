package dev.dlvaudit.checks.dl;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import dev.dlvaudit.api.Units;
import dev.dlvaudit.datalevin.OptionsFile;
import dev.dlvaudit.datalevin.Provenance;
import dev.dlvaudit.datalevin.Sourced;
import java.util.List;
import java.util.Optional;

@CheckSpec(
        id = "dl.mapsize",
        title = "Options file :mapsize vs expected data size",
        severity = Severity.FAIL,
        scope = Scope.DATABASE,
        rationale = "A new Datalevin database starts with the :mapsize (MiB) the application passes. When the map"
                + " fills, Datalevin multiplies it by 10 and retries: a latency spike inside a transaction, not an"
                + " outage, but a deploy should not plan for it. The map should be at least twice the data it will"
                + " hold. For an existing database :mapsize is ignored (dl.options-drift says so) and the live map"
                + " is db.map-headroom's.",
        reads = "the options file's :mapsize (top level or :kv-opts; Datalevin's default 1000 MiB when absent), the"
                + " policy's expected-data-size",
        thresholds = "FAIL when :mapsize × 1 MiB < 2 × expected-data-size; PASS otherwise; INFO without an expected"
                + " data size; SKIP without an options file or for an existing database.",
        fix = "Set {:kv-opts {:mapsize N}} with N ≥ 2 × the expected data size in MiB.",
        sources = {"datalevin-facts.md §1", "checklist.md db.map-headroom"})
public final class MapsizeOptionCheck implements Check {
    static final long DEFAULT_MAPSIZE_MIB = 1000;

    @Override
    public List<Finding> evaluate(CheckContext context) {
        DlView v = DlView.of(context);
        if (v.file().isEmpty()) {
            return List.of(Finding.skip("no options file given (--opts FILE.edn): a live database's map is"
                    + " judged by db.map-headroom"));
        }
        OptionsFile file = v.file().get();
        if (v.live()) {
            return List.of(Finding.skip(":mapsize in the options file is ignored for the existing database "
                    + v.dir.get().directory() + " (Datalevin sizes the map from data.mdb): see dl.options-drift,"
                    + " and db.map-headroom for the live map"));
        }
        Sourced<Long> mapsize = file.mapsizeMiB().orElse(new Sourced<>(DEFAULT_MAPSIZE_MIB, Provenance.DEFAULT,
                "no :mapsize in " + file.path() + ": Datalevin starts a new database with 1000 MiB"));
        long mapBytes = mapsize.value() << 20;
        String observed = ":mapsize " + mapsize.value() + " MiB = " + Units.bytes(mapBytes) + " ("
                + mapsize.source().label() + ": " + mapsize.evidence() + ")";
        Optional<Long> expected = context.settings().getBytes("expected-data-size");
        if (expected.isEmpty()) {
            return List.of(Finding.info("no expected data size in the policy: :mapsize cannot be judged")
                    .observed(observed).expected("a policy with :expected-data-size, e.g. \"40 GiB\"")
                    .evidence(file.path())
                    .fix("Add :expected-data-size \"40 GiB\" (your estimate) to the policy file"));
        }
        long want = 2 * expected.get();
        String expectedText = "≥ 2 × expected data size " + Units.bytes(expected.get()) + " = " + Units.bytes(want);
        if (mapBytes < want) {
            long mib = (want + (1L << 20) - 1) >> 20;
            return List.of(Finding.fail(":mapsize " + mapsize.value() + " MiB is less than twice the expected data"
                            + " size: the map will fill and Datalevin will grow it tenfold mid-transaction")
                    .observed(observed).expected(expectedText).evidence(file.path())
                    .fix("Set {:kv-opts {:mapsize " + mib + "}} (MiB) or more in " + file.path()
                            + "; the disk must have room for it"));
        }
        return List.of(Finding.pass(":mapsize is at least twice the expected data size")
                .observed(observed).expected(expectedText).evidence(file.path()));
    }
}
