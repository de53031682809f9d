package dev.dlvaudit.checks.proc;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import dev.dlvaudit.api.Units;
import dev.dlvaudit.host.proc.DatabaseProcesses;
import dev.dlvaudit.host.proc.JvmHeap;
import dev.dlvaudit.host.proc.ProcessInfo;
import java.util.ArrayList;
import java.util.List;

@CheckSpec(
        id = "proc.heap-vs-cache",
        title = "The JVM heap leaves the page cache room for the hot data",
        severity = Severity.WARN,
        scope = Scope.DATABASE,
        rationale = "Datalevin has no buffer pool of its own: the kernel's page cache is its cache. Memory given"
                + " to the JVM heap is taken from the page cache. When the heap leaves less than the hot data (or"
                + " half of memory) to the cache, reads turn into major page faults and disk I/O.",
        reads = "-Xmx, -XX:MaxHeapSize, -XX:MaxRAMPercentage in /proc/PID/cmdline; MemTotal of /proc/meminfo,"
                + " or the cgroup memory limit when smaller; the resident part of data.mdb from /proc/PID/smaps",
        thresholds = "WARN when memory − max heap < max(hot data, 50 % of memory) (policy key: min-cache-ratio, 0.5);"
                + " INFO for a process that is not a JVM.",
        fix = "Lower -Xmx (or -XX:MaxRAMPercentage) so that at least half of memory, and no less than the hot"
                + " data, stays free for the page cache; or give the host or container more memory.",
        sources = {"Datalevin documentation: the OS page cache is the database cache",
            "JDK: -XX:MaxRAMPercentage sizes the heap from the container limit"})
public final class HeapVsCacheCheck implements Check {

    @Override
    public List<Finding> evaluate(CheckContext context) {
        var early = DatabaseProcessScope.unless(context);
        if (early.isPresent()) {
            return early.get();
        }
        double ratio = context.settings().getDouble("min-cache-ratio", 0.5);
        long hot = context.fact(DatabaseProcesses.class).residentBytes();
        List<Finding> findings = new ArrayList<>();
        for (ProcessInfo p : DatabaseProcessScope.processes(context)) {
            String evidence = DatabaseProcessScope.evidence(p, "cmdline") + ", /proc/" + p.pid() + "/smaps"
                    + p.cgroup().map(c -> c.limitFile().isEmpty() ? "" : ", " + c.limitFile()).orElse(", /proc/meminfo");
            if (p.jvm().isEmpty()) {
                findings.add(Finding.info("not a JVM: no heap to weigh against the page cache").subject(p.label())
                        .evidence(evidence));
                continue;
            }
            JvmHeap jvm = p.jvm().get();
            long memory = DatabaseProcessScope.memoryOf(context, p);
            long heap = jvm.maxHeapFor(memory);
            long room = memory - heap;
            long wanted = Math.max(hot, (long) (memory * ratio));
            String observed = "max heap " + Units.bytes(heap) + " (" + jvm.source() + ") of " + Units.bytes(memory)
                    + " memory leaves " + Units.bytes(Math.max(room, 0)) + " for the page cache; hot data "
                    + Units.bytes(hot);
            String expected = ">= " + Units.bytes(wanted) + " for the page cache";
            if (room >= wanted) {
                findings.add(Finding.pass("the heap leaves " + Units.bytes(room) + " of " + Units.bytes(memory)
                        + " to the page cache").subject(p.label()).observed(observed).expected(expected).evidence(evidence));
                continue;
            }
            long suggested = Math.max(memory - wanted, 0);
            findings.add(Finding.warn("the JVM heap (" + Units.bytes(heap) + ") leaves only " + Units.bytes(Math.max(room, 0))
                    + " of " + Units.bytes(memory) + " to the page cache, less than " + Units.bytes(wanted)
                    + ": reads will fault to disk")
                    .subject(p.label()).observed(observed).expected(expected).evidence(evidence)
                    .fix("Restart the process with -Xmx" + Math.max(suggested >> 20, 1) + "m (or -XX:MaxRAMPercentage="
                            + (int) Math.max(1, Math.floor(100.0 * suggested / memory)) + ") in its unit or JAVA_OPTS,"
                            + " or give it more memory"));
        }
        return findings;
    }
}
