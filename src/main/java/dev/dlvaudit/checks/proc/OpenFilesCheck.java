package dev.dlvaudit.checks.proc;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import dev.dlvaudit.host.proc.Limits;
import dev.dlvaudit.host.proc.ProcessInfo;
import java.util.ArrayList;
import java.util.List;

@CheckSpec(
        id = "proc.open-files",
        title = "The open-file limit suits a server",
        severity = Severity.WARN,
        scope = Scope.DATABASE,
        rationale = "A Datalevin server holds a descriptor per client connection and per database file, and"
                + " each database directory opens several files (data, lock, WAL segments). The common default"
                + " of 1024 runs out under load: accept() and open() then fail with EMFILE.",
        reads = "/proc/PID/limits (Max open files) of each process mapping data.mdb",
        thresholds = "WARN when the soft limit is below 65535 (policy key: min); with the policy profile"
                + " 'embedded' the finding is INFO.",
        fix = "prlimit --pid PID --nofile=65535:65535; persist with LimitNOFILE=65535 in the systemd unit"
                + " (or '<user> - nofile 65535' in /etc/security/limits.conf).",
        sources = {"getrlimit(2): RLIMIT_NOFILE"})
public final class OpenFilesCheck implements Check {

    @Override
    public List<Finding> evaluate(CheckContext context) {
        var early = DatabaseProcessScope.unless(context);
        if (early.isPresent()) {
            return early.get();
        }
        long min = context.settings().getLong("min", 65535);
        boolean embedded = context.settings().profile().filter("embedded"::equals).isPresent();
        List<Finding> findings = new ArrayList<>();
        for (ProcessInfo p : DatabaseProcessScope.processes(context)) {
            String evidence = DatabaseProcessScope.evidence(p, "limits");
            var limit = p.limits().openFiles();
            if (limit.isEmpty()) {
                findings.add(Finding.error("/proc/" + p.pid() + "/limits has no 'Max open files' line")
                        .subject(p.label()).evidence(evidence));
                continue;
            }
            Limits.Limit l = limit.get();
            String observed = l.softText();
            if (l.soft().isEmpty() || l.soft().getAsLong() >= min) {
                findings.add(Finding.pass("open-file limit " + observed).subject(p.label())
                        .observed(observed).expected(">= " + min).evidence(evidence));
                continue;
            }
            String message = "open-file limit " + observed + " is below " + min
                    + ": a busy server runs out of descriptors (EMFILE)";
            findings.add((embedded ? Finding.info(message + "; the embedded profile accepts it") : Finding.warn(message))
                    .subject(p.label()).observed(observed).expected(">= " + min).evidence(evidence)
                    .fix("prlimit --pid " + p.pid() + " --nofile=" + min + ":" + min + "; persist: LimitNOFILE="
                            + min + " in the service's systemd unit, or '" + p.user() + " - nofile " + min
                            + "' in /etc/security/limits.conf"));
        }
        return findings;
    }
}
