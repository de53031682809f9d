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
        id = "dl.nosync",
        title = "No :nosync without WAL",
        severity = Severity.FAIL,
        scope = Scope.DATABASE,
        rationale = "With :nosync LMDB does not flush at commit: after a power loss the last transactions are"
                + " lost and the database can be corrupted. In WAL mode Datalevin sets :nosync on purpose,"
                + " because durability then comes from the WAL's own fsync.",
        reads = "datalevin/opts :kv-opts :flags (stored opts), datalevin/kv-info :flags (hint, older versions),"
                + " the options file's :flags (top level or :kv-opts), WAL mode as dl.wal",
        thresholds = "FAIL when :nosync is on without WAL; PASS when off, or when WAL is on.",
        fix = "Remove :nosync from :kv-opts :flags, or open with {:wal? true}.",
        sources = {"datalevin-facts.md §1", "LMDB mdb_env_open MDB_NOSYNC"})
public final class NosyncCheck implements Check {

    @Override
    public List<Finding> evaluate(CheckContext context) {
        DlView v = DlView.of(context);
        if (!v.judgeable()) {
            return List.of(Finding.skip(v.skipReason()));
        }
        if (v.flagSources().isEmpty()) {
            return List.of(v.flagsUnknown(":nosync"));
        }
        boolean wal = v.walOn();
        List<Finding> out = new ArrayList<>();
        for (Sourced<Set<String>> s : v.flagSources()) {
            boolean nosync = s.value().contains("nosync");
            String observed = "flags #{" + DlView.show(s.value()) + "} (" + s.source().label() + ": " + s.evidence() + ")"
                    + "; WAL " + (wal ? "on" : "off") + " (" + v.walSummary() + ")";
            Finding f;
            if (!nosync) {
                f = Finding.pass(":nosync is off");
            } else if (wal) {
                f = Finding.pass(":nosync is on, and WAL is on: Datalevin sets :nosync deliberately in WAL mode,"
                        + " durability comes from the WAL's own fsync");
            } else {
                f = Finding.fail(":nosync is on without WAL: the last transactions can be lost, or the database"
                        + " corrupted, on power loss")
                        .fix("Remove :nosync from :kv-opts :flags (e.g. {:kv-opts {:flags #{"
                                + DlView.show(DlView.without(s.value(), "nosync")) + "}}}), or open with {:wal? true}");
            }
            out.add(f.subject(s.source().label()).observed(observed)
                    .expected("no :nosync unless WAL is on").evidence(v.evidence()));
        }
        return out;
    }
}
