package dev.dlvaudit.checks.os;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import dev.dlvaudit.host.Container;
import dev.dlvaudit.host.HostFiles;
import dev.dlvaudit.host.NumaNodes;
import dev.dlvaudit.host.Sysctl;
import java.util.List;

@CheckSpec(
        id = "os.zone-reclaim",
        title = "Zone reclaim does not evict the page cache on NUMA hosts",
        severity = Severity.WARN,
        scope = Scope.HOST,
        rationale = "With vm.zone_reclaim_mode on, a NUMA node that runs low reclaims its own page cache rather"
                + " than allocate from another node: database pages are evicted while memory sits free elsewhere,"
                + " and reads go back to the disk. It has no effect on a single-node host.",
        reads = "/proc/sys/vm/zone_reclaim_mode; /sys/devices/system/node/online or the node* directories",
        thresholds = "WARN when not 0 on a host with more than one NUMA node; INFO otherwise.",
        fix = "sysctl -w vm.zone_reclaim_mode=0, and append vm.zone_reclaim_mode = 0 to /etc/sysctl.d/90-datalevin.conf.",
        sources = {"Linux Documentation/admin-guide/sysctl/vm.rst (zone_reclaim_mode)"})
public final class ZoneReclaimCheck implements Check {

    @Override
    public List<Finding> evaluate(CheckContext context) {
        Sysctl sysctl = Sysctl.read(context.fact(HostFiles.class), "vm.zone_reclaim_mode");
        long mode = sysctl.asLong();
        NumaNodes numa = context.fact(NumaNodes.class);
        String evidence = sysctl.path() + ", " + numa.source();
        String nodes = numa.count() + " NUMA node" + (numa.count() == 1 ? "" : "s");
        if (passes(mode, numa.count())) {
            String why = mode == 0 ? "off" : "on, which has no effect with a single node";
            return List.of(Finding.info("vm.zone_reclaim_mode is " + mode + " (" + why + ") on a host with " + nodes)
                    .observed(mode).expected("0").evidence(evidence));
        }
        return List.of(Finding.warn("vm.zone_reclaim_mode is " + mode + " on a host with " + nodes + ": a node"
                + " short of memory evicts its page cache (database pages) instead of using another node's")
                .observed(mode + " with " + nodes).expected("0").evidence(evidence)
                .fix(SysctlFix.of(context.fact(Container.class), "vm.zone_reclaim_mode", 0)));
    }

    /** Whether this check would have nothing to warn about (shared with os.sysctl-persisted). */
    static boolean passes(long mode, int nodes) {
        return mode == 0 || nodes <= 1;
    }
}
