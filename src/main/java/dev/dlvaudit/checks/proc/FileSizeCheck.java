package dev.dlvaudit.checks.proc;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import dev.dlvaudit.api.Units;
import dev.dlvaudit.facts.DataFileMeta;
import dev.dlvaudit.host.proc.Limits;
import dev.dlvaudit.host.proc.ProcessInfo;
import java.util.ArrayList;
import java.util.List;

@CheckSpec(
        id = "proc.file-size",
        title = "The file-size limit lets data.mdb grow to the map size",
        severity = Severity.FAIL,
        scope = Scope.DATABASE,
        rationale = "data.mdb grows up to the map size (with WRITEMAP it is extended to the full map size at"
                + " once). A 'ulimit -f' below that makes a commit fail with EFBIG, or kills the process with SIGXFSZ.",
        reads = "/proc/PID/limits (Max file size) of each process mapping data.mdb; mm_mapsize of data.mdb",
        thresholds = "FAIL when the soft limit is below the map size; PASS when unlimited or above.",
        fix = "prlimit --pid PID --fsize=unlimited; persist with LimitFSIZE=infinity in the systemd unit"
                + " (or '<user> - fsize unlimited' in /etc/security/limits.conf).",
        sources = {"getrlimit(2): RLIMIT_FSIZE"})
public final class FileSizeCheck implements Check {

    @Override
    public List<Finding> evaluate(CheckContext context) {
        var early = DatabaseProcessScope.unless(context);
        if (early.isPresent()) {
            return early.get();
        }
        long mapSize = context.fact(DataFileMeta.class).mapSize();
        List<Finding> findings = new ArrayList<>();
        for (ProcessInfo p : DatabaseProcessScope.processes(context)) {
            long map = Math.max(mapSize, p.mappedBytes());
            String evidence = DatabaseProcessScope.evidence(p, "limits") + ", " + context.fact(DataFileMeta.class).dataFile();
            var limit = p.limits().fileSize();
            if (limit.isEmpty()) {
                findings.add(Finding.error("/proc/" + p.pid() + "/limits has no 'Max file size' line")
                        .subject(p.label()).evidence(evidence));
                continue;
            }
            Limits.Limit l = limit.get();
            String observed = AddressSpaceCheck.text(l);
            if (l.soft().isEmpty() || l.soft().getAsLong() >= map) {
                findings.add(Finding.pass("file-size limit " + observed + " lets data.mdb reach the map size")
                        .subject(p.label()).observed(observed).expected("unlimited or >= " + Units.bytes(map)).evidence(evidence));
            } else {
                findings.add(Finding.fail("file-size limit " + observed + " is below the map size " + Units.bytes(map)
                        + ": growing data.mdb fails with EFBIG or SIGXFSZ")
                        .subject(p.label()).observed(observed).expected("unlimited or >= " + Units.bytes(map)).evidence(evidence)
                        .fix("prlimit --pid " + p.pid() + " --fsize=unlimited; persist: LimitFSIZE=infinity in the"
                                + " service's systemd unit, or '" + p.user() + " - fsize unlimited' in /etc/security/limits.conf"));
            }
        }
        return findings;
    }
}
