package dev.dlvaudit.checks.os;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.FactException;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import dev.dlvaudit.api.Units;
import dev.dlvaudit.host.Container;
import dev.dlvaudit.host.HostFiles;
import dev.dlvaudit.host.Meminfo;
import dev.dlvaudit.host.Sysctl;
import java.util.List;

@CheckSpec(
        id = "os.overcommit",
        title = "Strict overcommit leaves room to allocate",
        severity = Severity.WARN,
        scope = Scope.HOST,
        rationale = "In mode 2 (strict accounting) the kernel refuses private allocations beyond CommitLimit:"
                + " near the limit, heap growth, thread stacks and anonymous mmaps fail with ENOMEM. Datalevin's"
                + " data.mdb map is a shared file mapping and costs no commit charge, so the map size is never the"
                + " cause; the heap and other private memory are. Modes 0 and 1 do not refuse allocations this way.",
        reads = "/proc/sys/vm/overcommit_memory; /proc/meminfo (Committed_AS, CommitLimit)",
        thresholds = "INFO for mode 0 or 1; in mode 2, WARN when Committed_AS / CommitLimit > warn-ratio,"
                + " else PASS. Policy key: warn-ratio (0.9).",
        fix = "Raise vm.overcommit_ratio (or vm.overcommit_kbytes), add swap, or return to mode 0; persist in"
                + " /etc/sysctl.d/90-datalevin.conf.",
        sources = {"Linux Documentation/mm/overcommit-accounting.rst",
            "Linux Documentation/filesystems/proc.rst (Committed_AS, CommitLimit)"})
public final class OvercommitCheck implements Check {
    static final double DEFAULT_WARN_RATIO = 0.9;

    @Override
    public List<Finding> evaluate(CheckContext context) {
        HostFiles files = context.fact(HostFiles.class);
        Sysctl sysctl = Sysctl.read(files, "vm.overcommit_memory");
        long mode = mode(sysctl);
        double warnRatio = context.settings().getDouble("warn-ratio", DEFAULT_WARN_RATIO);
        String expected = "mode 0 or 1, or mode 2 with Committed_AS <= " + Units.percent(warnRatio) + " of CommitLimit";
        if (mode != 2) {
            String what = mode == 0 ? "heuristic overcommit" : "overcommit always allowed";
            return List.of(Finding.info("vm.overcommit_memory is " + mode + " (" + what + "); the shared file map"
                    + " of the database costs no commit charge either way")
                    .observed(mode).expected(expected).evidence(sysctl.path()));
        }
        Meminfo meminfo = context.fact(Meminfo.class);
        long committed = meminfo.bytes("Committed_AS");
        long limit = meminfo.bytes("CommitLimit");
        double ratio = commitRatio(meminfo);
        String observed = "mode 2, Committed_AS " + Units.bytes(committed) + " of CommitLimit " + Units.bytes(limit)
                + " (" + Units.percent(ratio) + ")";
        String evidence = sysctl.path() + ", " + meminfo.path();
        if (ratio <= warnRatio) {
            return List.of(Finding.pass("strict overcommit with " + Units.percent(ratio) + " of the commit limit in use")
                    .observed(observed).expected(expected).evidence(evidence));
        }
        return List.of(Finding.warn("strict overcommit (mode 2) with " + Units.percent(ratio) + " of the commit"
                + " limit in use: heap growth, thread stacks and anonymous mmaps will fail with ENOMEM. The database's"
                + " map is a shared file mapping and costs no commit charge: its size is not the cause.")
                .observed(observed).expected(expected).evidence(evidence)
                .fix("Raise the limit (vm.overcommit_ratio or vm.overcommit_kbytes, or add swap), or return to"
                        + " heuristic overcommit. " + SysctlFix.of(context.fact(Container.class), "vm.overcommit_memory", 0)));
    }

    static long mode(Sysctl sysctl) {
        long mode = sysctl.asLong();
        if (mode < 0 || mode > 2) {
            throw new FactException(sysctl.path() + ": expected 0, 1 or 2, found '" + sysctl.text() + "'");
        }
        return mode;
    }

    static double commitRatio(Meminfo meminfo) {
        long limit = meminfo.bytes("CommitLimit");
        if (limit <= 0) {
            throw new FactException(meminfo.path() + ": CommitLimit is " + limit + " kB");
        }
        return (double) meminfo.bytes("Committed_AS") / limit;
    }

    /** Whether this check would have nothing to warn about (shared with os.sysctl-persisted). */
    static boolean passes(long mode, Meminfo meminfo, double warnRatio) {
        return mode != 2 || commitRatio(meminfo) <= warnRatio;
    }
}
