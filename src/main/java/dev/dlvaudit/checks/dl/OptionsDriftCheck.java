package dev.dlvaudit.checks.dl;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import dev.dlvaudit.datalevin.OptionsFile;
import dev.dlvaudit.datalevin.Provenance;
import dev.dlvaudit.datalevin.Sourced;
import dev.dlvaudit.facts.DatalevinFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@CheckSpec(
        id = "dl.options-drift",
        title = "Options file agrees with the live database",
        severity = Severity.WARN,
        scope = Scope.DATABASE,
        rationale = "The options an application passes are not always what the database runs with: :mapsize is"
                + " ignored for an existing database, max readers are fixed by whoever opened it first, and a"
                + " txlog/ directory turns WAL on whatever the file says. Each disagreement is worth knowing.",
        reads = "the options file (--opts) and the database directory: lock.mdb size (live max readers),"
                + " data.mdb size, txlog/, datalevin/opts :kv-opts",
        thresholds = "WARN on each disagreement; PASS when none.",
        fix = "Make the options file say what the database runs with, or migrate the database.",
        sources = {"datalevin-facts.md §1", "on-disk-format.md §6"})
public final class OptionsDriftCheck implements Check {

    @Override
    public List<Finding> evaluate(CheckContext context) {
        if (context.databaseDirectory().isEmpty()) {
            return List.of(Finding.skip("needs a live database directory to compare with; the target is an options"
                    + " file alone"));
        }
        DlView v = DlView.of(context);
        if (v.notDatalevin.isPresent()) {
            return List.of(Finding.skip(v.notDatalevin.get() + "; nothing of Datalevin's to compare the options file with"));
        }
        if (v.file().isEmpty()) {
            return List.of(Finding.skip("no options file given (--opts FILE.edn)"));
        }
        OptionsFile file = v.file().get();
        DatalevinFacts d = v.dir.orElseThrow();
        List<Finding> out = new ArrayList<>();
        List<String> agreed = new ArrayList<>();

        if (file.mapsizeMiB().isPresent() && d.dataFileSize().isPresent()) {
            Sourced<Long> m = file.mapsizeMiB().get();
            long effective = effectiveMapsizeMiB(d.dataFileSize().getAsLong());
            if (m.value() != effective) {
                out.add(Finding.warn(":mapsize " + m.value() + " MiB in the options file is ignored for this existing"
                        + " database: Datalevin opens it with " + effective + " MiB (the smallest of 1000, 10 000, …"
                        + " MiB covering data.mdb) and grows it tenfold when full")
                        .subject(":mapsize")
                        .observed(m.describe() + " vs " + effective + " MiB (" + Provenance.LIVE.label() + ": data.mdb "
                                + d.dataFileSize().getAsLong() + " bytes)")
                        .expected(effective + " MiB, or no :mapsize")
                        .fix("Drop :mapsize from the options file for existing databases, or set it to " + effective
                                + "; watch disk space instead, the real ceiling"));
            } else {
                agreed.add(":mapsize");
            }
        }
        if (file.maxReaders().isPresent() && d.liveMaxReaders().isPresent()) {
            Sourced<Long> r = file.maxReaders().get();
            long live = d.liveMaxReaders().getAsLong();
            if (r.value() != live) {
                out.add(Finding.warn(":max-readers " + r.value() + " in the options file differs from the live"
                        + " lock file's " + live + " reader slots")
                        .subject(":max-readers")
                        .observed(r.describe() + " vs " + live + " (" + Provenance.LIVE.label() + ": "
                                + d.directory().resolve("lock.mdb") + " size)")
                        .expected(String.valueOf(live))
                        .fix("Set {:kv-opts {:max-readers " + live + "}} in the options file, or restart every process"
                                + " using the database so the first opener sizes lock.mdb for " + r.value()));
            } else {
                agreed.add(":max-readers");
            }
        }
        if (file.wal().isPresent()) {
            Sourced<Boolean> w = file.wal().get();
            boolean live = v.walOn();
            if (w.value() != live) {
                out.add(Finding.warn("the options file says :wal? " + w.value() + " but the database runs with WAL "
                        + (live ? "on" : "off"))
                        .subject(":wal?")
                        .observed(w.describe() + " vs " + v.walSummary())
                        .expected(":wal? " + live)
                        .fix(live ? "Set {:wal? true} in the options file: a txlog/ directory turns WAL on anyway"
                                : "Opening with {:wal? true} will turn WAL on: make sure that is intended"));
            } else {
                agreed.add(":wal?");
            }
        }
        if (file.flags().isPresent() && v.stored.isPresent()) {
            Sourced<Set<String>> f = file.flags().get();
            Optional<Sourced<Object>> stored = v.stored.get().kvOpt("flags");
            if (stored.isPresent()) {
                Set<String> s = DlView.names(stored.get().value());
                if (!s.equals(f.value())) {
                    out.add(Finding.warn("the options file's :flags differ from the stored :kv-opts :flags")
                            .subject(":flags")
                            .observed("#{" + DlView.show(f.value()) + "} (" + f.source().label() + ": " + f.evidence()
                                    + ") vs #{" + DlView.show(s) + "} (" + stored.get().source().label() + ")")
                            .expected("#{" + DlView.show(s) + "}")
                            .fix("Make the options file's :kv-opts :flags the flags you intend; Datalevin records the"
                                    + " new ones on the next open"));
                } else {
                    agreed.add(":flags");
                }
            }
        }
        String evidence = v.evidence();
        out.forEach(f -> f.evidence(evidence));
        if (out.isEmpty()) {
            out.add(Finding.pass(agreed.isEmpty() ? "the options file sets nothing that can be compared with the"
                    + " database" : "the options file agrees with the database on " + String.join(", ", agreed))
                    .observed(agreed.isEmpty() ? "nothing compared" : String.join(", ", agreed) + " agree")
                    .expected("no disagreement").evidence(evidence));
        }
        return out;
    }

    /** The smallest of 1000, 10 000, 100 000 … MiB that covers {@code dataBytes}. */
    static long effectiveMapsizeMiB(long dataBytes) {
        long mib = 1000;
        while (mib * (1L << 20) < dataBytes && mib < Long.MAX_VALUE / (10L << 20)) {
            mib *= 10;
        }
        return mib;
    }
}
