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
        id = "proc.address-space",
        title = "The address-space limit leaves room for the map and the heap",
        severity = Severity.FAIL,
        scope = Scope.DATABASE,
        rationale = "LMDB reserves the whole map size as address space when it opens the environment, and"
                + " Datalevin grows the map tenfold when it fills. With 'ulimit -v' set below map size plus the"
                + " JVM heap, opening or growing the database fails with ENOMEM.",
        reads = "/proc/PID/limits (Max address space) of each process mapping data.mdb; mm_mapsize of data.mdb;"
                + " -Xmx/-XX:MaxRAMPercentage in /proc/PID/cmdline",
        thresholds = "FAIL when the soft limit is below the map size (the larger of mm_mapsize and the mapping)"
                + " plus the JVM's maximum heap; PASS when unlimited or above.",
        fix = "prlimit --pid PID --as=unlimited; persist with LimitAS=infinity in the systemd unit"
                + " (or '<user> - as unlimited' in /etc/security/limits.conf).",
        sources = {"getrlimit(2): RLIMIT_AS", "LMDB documentation: mdb_env_set_mapsize"})
public final class AddressSpaceCheck implements Check {

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
            long heap = DatabaseProcessScope.heapOf(context, p);
            long need = map + heap;
            String expected = "unlimited or >= " + Units.bytes(need) + " (map " + Units.bytes(map)
                    + (heap > 0 ? " + heap " + Units.bytes(heap) : "") + ")";
            String evidence = DatabaseProcessScope.evidence(p, "limits");
            var limit = p.limits().addressSpace();
            if (limit.isEmpty()) {
                findings.add(Finding.error("/proc/" + p.pid() + "/limits has no 'Max address space' line")
                        .subject(p.label()).evidence(evidence));
                continue;
            }
            Limits.Limit l = limit.get();
            if (l.soft().isEmpty() || l.soft().getAsLong() >= need) {
                findings.add(Finding.pass("address-space limit " + text(l) + " leaves room for the map and heap")
                        .subject(p.label()).observed(text(l)).expected(expected).evidence(evidence));
            } else {
                findings.add(Finding.fail("address-space limit " + text(l) + " is below the map size plus heap ("
                        + Units.bytes(need) + "): opening or growing the map fails with ENOMEM")
                        .subject(p.label()).observed(text(l)).expected(expected).evidence(evidence)
                        .fix("prlimit --pid " + p.pid() + " --as=unlimited; persist: LimitAS=infinity in the"
                                + " service's systemd unit, or '" + p.user() + " - as unlimited' in /etc/security/limits.conf"));
            }
        }
        return findings;
    }

    static String text(Limits.Limit l) {
        return l.soft().isPresent() ? Units.bytes(l.soft().getAsLong()) : "unlimited";
    }
}
