package dev.dlvaudit.checks.dl;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import java.util.List;

@CheckSpec(
        id = "dl.wal",
        title = "Datalevin WAL mode",
        severity = Severity.WARN,
        scope = Scope.DATABASE,
        rationale = "Datalevin's write-ahead log (0.10.7+) makes commits durable with one sequential"
                + " fsync/fdatasync of the log instead of an LMDB sync per transaction; the book recommends it"
                + " for high write throughput. Without it every commit pays LMDB's full sync.",
        reads = "txlog/ in the database directory, datalevin/opts wal? and :kv-opts :wal?, datalevin/kv-info"
                + " :wal/* markers (hint), the options file's :wal?",
        thresholds = "PASS when WAL is on; when off, the policy's when-off: warn (the server profile's) or info"
                + " (the default, and the embedded profile's).",
        fix = "Open the database with {:wal? true} (get-conn / open-kv options).",
        sources = {"datalevin-facts.md §1, §5", "Datalevin book: WAL"})
public final class WalModeCheck implements Check {

    @Override
    public List<Finding> evaluate(CheckContext context) {
        DlView v = DlView.of(context);
        if (!v.judgeable()) {
            return List.of(Finding.skip(v.skipReason()));
        }
        String observed = v.walSummary();
        if (v.walOn()) {
            return List.of(Finding.pass("WAL is on")
                    .observed(observed).expected("WAL on").evidence(v.evidence()));
        }
        String profile = context.settings().profile().orElse(null);
        String whenOff = context.settings().getString("when-off", "server".equals(profile) ? "warn" : "info")
                .replaceFirst("^:", "");
        Finding f;
        if (whenOff.equals("warn")) {
            f = Finding.warn("WAL is off" + (profile != null ? " for the " + profile + " profile" : "")
                    + ": every commit pays a full LMDB sync; WAL is recommended for write-heavy use");
        } else if (whenOff.equals("info")) {
            f = Finding.info("WAL is off; turn it on for high write throughput");
        } else {
            return List.of(Finding.error("the policy's when-off for dl.wal is \"" + whenOff + "\"; expected warn or info")
                    .observed("when-off " + whenOff).expected(":when-off :warn or :info").evidence("policy")
                    .fix("Set {:checks {\"dl.wal\" {:when-off :warn}}} (or :info) in the policy file"));
        }
        return List.of(f.observed(observed).expected("WAL on ({:wal? true})").evidence(v.evidence())
                .fix("Pass {:wal? true} when opening the database, e.g. (d/get-conn dir schema {:wal? true})"
                        + " or (d/open-kv dir {:wal? true})"));
    }
}
