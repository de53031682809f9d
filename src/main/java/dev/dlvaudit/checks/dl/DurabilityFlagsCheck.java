package dev.dlvaudit.checks.dl;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import dev.dlvaudit.datalevin.Sourced;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

@CheckSpec(
        id = "dl.durability-flags",
        title = "No :mapasync, :nometasync or :writemap without WAL",
        severity = Severity.FAIL,
        scope = Scope.DATABASE,
        rationale = ":mapasync (with :writemap) flushes data pages asynchronously: power loss can lose or corrupt"
                + " them. :nometasync skips the meta page flush: the last transaction may be rolled back."
                + " :writemap alone leaves the map writable, unprotected from stray writes, and is slower when"
                + " the data outgrows RAM. In WAL mode the WAL carries durability.",
        reads = "datalevin/opts :kv-opts :flags (stored opts), datalevin/kv-info :flags (hint),"
                + " the options file's :flags, WAL mode as dl.wal",
        thresholds = "Without WAL: FAIL :mapasync; WARN :nometasync; WARN :writemap.",
        fix = "Remove the flag from :kv-opts :flags, or open with {:wal? true}.",
        sources = {"datalevin-facts.md §1", "LMDB mdb_env_open flags"})
public final class DurabilityFlagsCheck implements Check {

    @Override
    public List<Finding> evaluate(CheckContext context) {
        DlView v = DlView.of(context);
        if (!v.judgeable()) {
            return List.of(Finding.skip(v.skipReason()));
        }
        if (v.flagSources().isEmpty()) {
            return List.of(v.flagsUnknown(":mapasync, :nometasync and :writemap"));
        }
        boolean wal = v.walOn();
        List<Finding> out = new ArrayList<>();
        for (Sourced<Set<String>> s : v.flagSources()) {
            Set<String> flags = s.value();
            String observed = "flags #{" + DlView.show(flags) + "} (" + s.source().label() + ": " + s.evidence() + ")"
                    + "; WAL " + (wal ? "on" : "off");
            String expected = "none of :mapasync :nometasync :writemap unless WAL is on";
            String fixFlags = DlView.show(DlView.without(flags, "mapasync", "nometasync", "writemap"));
            List<Finding> found = new ArrayList<>();
            if (!wal) {
                if (flags.contains("mapasync")) {
                    found.add(Finding.fail(":mapasync without WAL: data pages are flushed asynchronously and can be"
                            + " lost or corrupted on power loss"));
                }
                if (flags.contains("nometasync")) {
                    found.add(Finding.warn(":nometasync without WAL: the last transaction may be rolled back after a"
                            + " crash"));
                }
                if (flags.contains("writemap")) {
                    found.add(Finding.warn(":writemap without WAL: the map is writable (no protection from stray"
                            + " writes) and slower when the data is larger than RAM"));
                }
            }
            if (found.isEmpty()) {
                boolean any = flags.contains("mapasync") || flags.contains("nometasync") || flags.contains("writemap");
                found.add(Finding.pass(any ? "durability flags are set, and WAL is on: the WAL carries durability"
                        : "no :mapasync, :nometasync or :writemap"));
            } else {
                found.forEach(f -> f.fix("Remove the flag from :kv-opts :flags (e.g. {:kv-opts {:flags #{" + fixFlags
                        + "}}}), or open with {:wal? true}"));
            }
            found.forEach(f -> out.add(f.subject(s.source().label()).observed(observed).expected(expected)
                    .evidence(v.evidence())));
        }
        return out;
    }
}
