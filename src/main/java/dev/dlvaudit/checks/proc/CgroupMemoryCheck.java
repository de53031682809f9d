package dev.dlvaudit.checks.proc;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import dev.dlvaudit.api.Units;
import dev.dlvaudit.facts.DataFileMeta;
import dev.dlvaudit.host.CgroupMemory;
import dev.dlvaudit.host.proc.ProcessInfo;
import java.util.ArrayList;
import java.util.List;

@CheckSpec(
        id = "proc.cgroup-memory",
        title = "The cgroup memory limit leaves page cache for the database",
        severity = Severity.WARN,
        scope = Scope.DATABASE,
        rationale = "Page cache is charged to the cgroup of the process that reads the pages. A container limit"
                + " that barely covers the JVM heap leaves no cache for the database: every read goes to disk,"
                + " and under pressure the OOM killer ends the process.",
        reads = "/proc/PID/cgroup; cgroup v2 memory.max and memory.events (oom_kill), or v1"
                + " memory.limit_in_bytes and memory.oom_control, along the path to the root; data.mdb's used size",
        thresholds = "WARN when memory.events reports oom_kill > 0; WARN when limit − max heap is below"
                + " min-cache-ratio (0.5) of the database's used size; PASS otherwise, or without a limit.",
        fix = "Raise the limit (docker --memory, Kubernetes resources.limits.memory, systemd MemoryMax=) or lower"
                + " the heap so that the database's hot data fits in the rest.",
        sources = {"Linux Documentation/admin-guide/cgroup-v2.rst: memory.max, memory.events"})
public final class CgroupMemoryCheck implements Check {

    @Override
    public List<Finding> evaluate(CheckContext context) {
        var early = DatabaseProcessScope.unless(context);
        if (early.isPresent()) {
            return early.get();
        }
        double ratio = context.settings().getDouble("min-cache-ratio", 0.5);
        long used = context.fact(DataFileMeta.class).usedBytes();
        List<Finding> findings = new ArrayList<>();
        for (ProcessInfo p : DatabaseProcessScope.processes(context)) {
            if (p.cgroup().isEmpty()) {
                findings.add(Finding.info("no memory cgroup found for this process").subject(p.label())
                        .evidence("/proc/" + p.pid() + "/cgroup"));
                continue;
            }
            CgroupMemory cg = p.cgroup().get();
            String evidence = "/proc/" + p.pid() + "/cgroup (" + cg.path() + ")"
                    + (cg.limitFile().isEmpty() ? "" : ", " + cg.limitFile())
                    + (cg.eventsFile().isEmpty() ? "" : ", " + cg.eventsFile());
            if (cg.oomKills().isPresent() && cg.oomKills().getAsLong() > 0) {
                findings.add(Finding.warn("the OOM killer has struck " + cg.oomKills().getAsLong() + " time(s) in cgroup "
                        + cg.path()).subject(p.label()).observed("oom_kill " + cg.oomKills().getAsLong())
                        .expected("oom_kill 0").evidence(evidence)
                        .fix("Raise the cgroup memory limit (docker --memory, Kubernetes resources.limits.memory,"
                                + " systemd MemoryMax=) or lower the JVM heap; see the kernel log (journalctl -k | grep -i oom)"));
            }
            if (cg.limitBytes().isEmpty()) {
                findings.add(Finding.pass("no cgroup memory limit (" + cg.version() + ")").subject(p.label())
                        .observed("max").evidence(evidence));
                continue;
            }
            long limit = cg.limitBytes().getAsLong();
            long heap = p.jvm().map(j -> j.maxHeapFor(Math.min(limit, DatabaseProcessScope.memoryOf(context, p)))).orElse(0L);
            long room = limit - heap;
            long wanted = (long) (used * ratio);
            String observed = "limit " + Units.bytes(limit) + ", heap " + Units.bytes(heap) + ", room for cache "
                    + Units.bytes(Math.max(room, 0)) + ", database " + Units.bytes(used);
            String expected = "room for cache >= " + Units.bytes(wanted);
            if (room >= wanted) {
                findings.add(Finding.pass("the cgroup limit " + Units.bytes(limit) + " leaves " + Units.bytes(room)
                        + " for the page cache").subject(p.label()).observed(observed).expected(expected).evidence(evidence));
            } else {
                findings.add(Finding.warn("the cgroup limit " + Units.bytes(limit) + " leaves " + Units.bytes(Math.max(room, 0))
                        + " for the page cache, less than " + Units.percent(ratio) + " of the " + Units.bytes(used) + " database")
                        .subject(p.label()).observed(observed).expected(expected).evidence(evidence)
                        .fix("Raise the limit to at least " + Units.bytes(heap + wanted) + " (docker --memory, Kubernetes"
                                + " resources.limits.memory, systemd MemoryMax=) or lower the heap"));
            }
        }
        return findings;
    }
}
