package dev.dlvaudit.checks.os;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import dev.dlvaudit.api.Units;
import dev.dlvaudit.host.Container;
import dev.dlvaudit.host.DirtyLimits;
import dev.dlvaudit.host.HostFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@CheckSpec(
        id = "os.dirty-limits",
        title = "Dirty page limits keep write-back short",
        severity = Severity.WARN,
        scope = Scope.HOST,
        rationale = "The kernel lets dirty pages pile up to the foreground limit before it throttles writers,"
                + " and starts background write-back at the background limit. A foreground limit of many GiB"
                + " means long flush stalls; a background limit at or above the foreground one (the kernel then"
                + " silently uses half the foreground limit) means write-back starts only when writers are"
                + " already throttled. This matters most with :writemap, :mapasync or :nosync, where the kernel,"
                + " not LMDB's own fsync, decides when the map's dirty pages reach the disk.",
        reads = "/proc/sys/vm/dirty_ratio, dirty_background_ratio, dirty_bytes, dirty_background_bytes;"
                + " /proc/meminfo (MemFree + Active(file) + Inactive(file), else MemAvailable)",
        thresholds = "Effective limits in bytes: a non-zero *_bytes overrides its ratio; a ratio applies to the"
                + " dirtyable memory. WARN when background >= foreground, or foreground > max-foreground-bytes."
                + " Policy key: max-foreground-bytes (4 GiB).",
        fix = "Set byte limits, e.g. sysctl -w vm.dirty_background_bytes=268435456 vm.dirty_bytes=1073741824,"
                + " and append the same settings to /etc/sysctl.d/90-datalevin.conf.",
        sources = {"Linux Documentation/admin-guide/sysctl/vm.rst (dirty_*)",
            "Linux mm/page-writeback.c (global_dirtyable_memory, domain_dirty_limits)"})
public final class DirtyLimitsCheck implements Check {
    static final long DEFAULT_MAX_FOREGROUND = 4L << 30;

    @Override
    public List<Finding> evaluate(CheckContext context) {
        DirtyLimits limits = context.fact(DirtyLimits.class);
        long max = maxForeground(context);
        String observed = "background " + limits.background().describe() + ", foreground "
                + limits.foreground().describe() + "; dirtyable memory " + Units.bytes(limits.dirtyableBytes());
        String expected = "background < foreground <= " + Units.bytes(max);
        String evidence = context.fact(HostFiles.class).resolve("/proc/sys/vm") + "/dirty_{ratio,background_ratio,"
                + "bytes,background_bytes}; " + limits.dirtyableFrom();
        List<String> problems = problems(limits, max);
        if (problems.isEmpty()) {
            return List.of(Finding.pass("dirty pages are written back from " + Units.bytes(limits.background()
                    .effectiveBytes()) + " and writers throttled at " + Units.bytes(limits.foreground().effectiveBytes()))
                    .observed(observed).expected(expected).evidence(evidence));
        }
        return List.of(Finding.warn(String.join("; ", problems) + ". This matters most with :writemap,"
                + " :mapasync or :nosync, where the kernel decides when the map's dirty pages reach the disk.")
                .observed(observed).expected(expected).evidence(evidence)
                .fix(fix(context.fact(Container.class), max)));
    }

    static long maxForeground(CheckContext context) {
        return context.settings().getBytes("max-foreground-bytes").orElse(DEFAULT_MAX_FOREGROUND);
    }

    /** What is wrong with the limits; empty when nothing is (shared with os.sysctl-persisted). */
    static List<String> problems(DirtyLimits limits, long maxForeground) {
        List<String> problems = new ArrayList<>();
        if (limits.backgroundNotBelowForeground()) {
            problems.add("the background limit " + Units.bytes(limits.background().effectiveBytes())
                    + " is not below the foreground limit " + Units.bytes(limits.foreground().effectiveBytes())
                    + ": the kernel then starts write-back at half the foreground limit, later than intended");
        }
        if (limits.foreground().effectiveBytes() > maxForeground) {
            problems.add("the foreground limit " + Units.bytes(limits.foreground().effectiveBytes())
                    + " is above " + Units.bytes(maxForeground) + ": that much dirty data means long flush stalls"
                    + " when writers are finally throttled");
        }
        return problems;
    }

    /** Byte limits: foreground 1 GiB (or the policy's maximum if lower), background a quarter of it. */
    static String fix(Container container, long maxForeground) {
        long foreground = Math.min(1L << 30, maxForeground);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(DirtyLimits.BACKGROUND_BYTES, Math.max(foreground / 4, 4096));
        settings.put(DirtyLimits.BYTES, Math.max(foreground, 8192));
        return SysctlFix.of(container, settings);
    }
}
