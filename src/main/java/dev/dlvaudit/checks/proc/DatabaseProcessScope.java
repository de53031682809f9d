package dev.dlvaudit.checks.proc;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.host.HostMemory;
import dev.dlvaudit.host.proc.DatabaseProcesses;
import dev.dlvaudit.host.proc.ProcessInfo;
import java.util.List;
import java.util.Optional;

/** What every proc.* check does first: skip without a directory, say so when no process has the database open. */
final class DatabaseProcessScope {
    private DatabaseProcessScope() {
    }

    /** A finding to return instead of judging processes, or empty when there are processes to judge. */
    static Optional<List<Finding>> unless(CheckContext context) {
        if (context.databaseDirectory().isEmpty()) {
            return Optional.of(List.of(Finding.skip("needs a live database directory (the target is an options file alone)")));
        }
        DatabaseProcesses found = context.fact(DatabaseProcesses.class);
        if (found.processes().isEmpty()) {
            return Optional.of(List.of(Finding.info(found.noneFound()).evidence("/proc/*/maps naming " + found.dataFile())));
        }
        return Optional.empty();
    }

    static List<ProcessInfo> processes(CheckContext context) {
        return context.fact(DatabaseProcesses.class).processes();
    }

    /** The memory a process can use: RAM, or its cgroup limit when smaller (what the JVM sizes its heap from). */
    static long memoryOf(CheckContext context, ProcessInfo p) {
        long ram = context.fact(HostMemory.class).totalBytes();
        return p.cgroup().flatMap(c -> c.limitBytes().isPresent()
                ? Optional.of(c.limitBytes().getAsLong()) : Optional.empty()).map(l -> Math.min(l, ram)).orElse(ram);
    }

    static long heapOf(CheckContext context, ProcessInfo p) {
        return p.jvm().map(j -> j.maxHeapFor(memoryOf(context, p))).orElse(0L);
    }

    static String evidence(ProcessInfo p, String file) {
        return "/proc/" + p.pid() + "/" + file + " (" + p.command() + ")";
    }
}
