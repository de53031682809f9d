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
import dev.dlvaudit.host.DirtyLimits;
import dev.dlvaudit.host.HostFiles;
import dev.dlvaudit.host.Meminfo;
import dev.dlvaudit.host.NumaNodes;
import dev.dlvaudit.host.PersistedSysctls;
import dev.dlvaudit.host.PersistedSysctls.Assignment;
import dev.dlvaudit.host.SwapDevices;
import dev.dlvaudit.host.Sysctl;
import dev.dlvaudit.host.ThpBootSetting;
import dev.dlvaudit.host.TransparentHugePages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

@CheckSpec(
        id = "os.sysctl-persisted",
        title = "Good kernel settings survive a reboot",
        severity = Severity.WARN,
        scope = Scope.HOST,
        rationale = "A value set with sysctl -w or echo into /sys lasts until the next boot. If the files applied"
                + " at boot say otherwise (or say nothing and the kernel default is bad), the host silently loses the"
                + " tuning on its next reboot, usually during an incident.",
        reads = "/proc/sys/vm/{swappiness,dirty_*,zone_reclaim_mode,overcommit_memory}; the sysctl files in"
                + " systemd-sysctl's order: *.conf in /etc/sysctl.d, /run/sysctl.d, /usr/local/lib/sysctl.d,"
                + " /usr/lib/sysctl.d, /lib/sysctl.d (by basename, the earlier directory wins; lexical order; later"
                + " assignments win), then /etc/sysctl.conf; for THP, transparent_hugepage= on /proc/cmdline, else"
                + " the kernel's build default in /boot/config-RELEASE.",
        thresholds = "Per key: PASS when the runtime and persisted values both pass their own check; WARN \"will"
                + " revert on reboot\" when the runtime value passes and the persisted one (or the kernel default when"
                + " none is persisted) would not; INFO when the runtime value already fails (its own check reports"
                + " it) or the boot value cannot be told. Judged with the same policy keys as the checks:"
                + " max-pass (10, os.swappiness), max-foreground-bytes (4 GiB, os.dirty-limits),"
                + " warn-ratio (0.9, os.overcommit).",
        fix = "Persist the running value: a line in /etc/sysctl.d/90-datalevin.conf, or transparent_hugepage=madvise"
                + " on the kernel command line.",
        sources = {"systemd sysctl.d(5): configuration directories and precedence",
            "procps sysctl(8) --system", "Linux Documentation/admin-guide/kernel-parameters.txt (transparent_hugepage)",
            "Linux kernel/sysctl.c and mm/page-writeback.c (dirty_*_handler: setting bytes zeroes the ratio)"})
public final class SysctlPersistedCheck implements Check {
    /** What the kernel starts with when no file sets a key. */
    static final Map<String, Long> KERNEL_DEFAULTS = Map.of(
            "vm.swappiness", 60L, DirtyLimits.RATIO, 20L, DirtyLimits.BACKGROUND_RATIO, 10L,
            DirtyLimits.BYTES, 0L, DirtyLimits.BACKGROUND_BYTES, 0L,
            "vm.zone_reclaim_mode", 0L, "vm.overcommit_memory", 0L);
    private static final List<String> DIRTY_KEYS = List.of(DirtyLimits.BACKGROUND_RATIO,
            DirtyLimits.BACKGROUND_BYTES, DirtyLimits.RATIO, DirtyLimits.BYTES);

    /** A value as the next boot would set it, and where it comes from. */
    record BootValue(long value, String source) {
        String describe() {
            return value + " (" + source + ")";
        }
    }

    @Override
    public List<Finding> evaluate(CheckContext context) {
        PersistedSysctls persisted = context.fact(PersistedSysctls.class);
        HostFiles files = context.fact(HostFiles.class);
        Container container = context.fact(Container.class);
        List<Finding> findings = new ArrayList<>();
        findings.add(guard("vm.swappiness", () -> {
            long maxPass = context.settings().getLong("max-pass", 10);
            boolean swap = context.fact(SwapDevices.class).enabled();
            return single(files, persisted, container, "vm.swappiness", "os.swappiness",
                    v -> SwappinessCheck.passes(v, swap, maxPass));
        }));
        findings.add(guard("vm.dirty_*", () -> dirty(context, persisted, container)));
        findings.add(guard("vm.zone_reclaim_mode", () -> {
            int nodes = context.fact(NumaNodes.class).count();
            return single(files, persisted, container, "vm.zone_reclaim_mode", "os.zone-reclaim",
                    v -> ZoneReclaimCheck.passes(v, nodes));
        }));
        findings.add(guard("vm.overcommit_memory", () -> {
            double warnRatio = context.settings().getDouble("warn-ratio", OvercommitCheck.DEFAULT_WARN_RATIO);
            return single(files, persisted, container, "vm.overcommit_memory", "os.overcommit",
                    v -> OvercommitCheck.passes(v, context.fact(Meminfo.class), warnRatio));
        }));
        findings.add(guard("transparent_hugepage", () -> thp(context, container)));
        return findings;
    }

    private static Finding guard(String subject, Supplier<Finding> finding) {
        try {
            return finding.get().subject(subject);
        } catch (FactException e) {
            return Finding.error(e.getMessage()).subject(subject);
        }
    }

    private static Finding single(HostFiles files, PersistedSysctls persisted, Container container, String key,
                                  String checkId, LongPredicate passes) {
        Sysctl sysctl = Sysctl.read(files, key);
        long now = sysctl.asLong();
        BootValue boot = bootValue(persisted, key);
        String observed = "runtime " + now + ", persisted " + boot.describe();
        String evidence = sysctl.path() + "; " + filesRead(persisted);
        if (!passes.test(now)) {
            return Finding.info(key + " is " + now + " now (" + checkId + " judges it); a reboot would set "
                    + boot.describe()).observed(observed).expected("a value that passes " + checkId).evidence(evidence);
        }
        if (passes.test(boot.value())) {
            return Finding.pass(key + " = " + now + " now and " + boot.describe() + " after a reboot")
                    .observed(observed).expected("a persisted value that passes " + checkId).evidence(evidence);
        }
        return Finding.warn(key + " is " + now + " now but will revert on reboot to " + boot.describe()
                + ", which " + checkId + " would flag")
                .observed(observed).expected("a persisted value that passes " + checkId).evidence(evidence)
                .fix(SysctlFix.of(container, key, now));
    }

    private Finding dirty(CheckContext context, PersistedSysctls persisted, Container container) {
        DirtyLimits now = context.fact(DirtyLimits.class);
        Map<String, BootValue> bootValues = dirtyAtBoot(persisted);
        Map<String, Long> boot = new LinkedHashMap<>();
        bootValues.forEach((k, v) -> boot.put(k, v.value()));
        DirtyLimits atBoot = DirtyLimits.of(boot, context.fact(Meminfo.class));
        long max = DirtyLimitsCheck.maxForeground(context);
        Map<String, Long> runtime = runtimeDirty(now);
        List<String> differences = new ArrayList<>();
        for (String key : DIRTY_KEYS) {
            if (!runtime.get(key).equals(boot.get(key))) {
                differences.add(key + ": runtime " + runtime.get(key) + ", persisted " + bootValues.get(key).describe());
            }
        }
        String observed = differences.isEmpty() ? "runtime and persisted settings agree: " + runtime
                : String.join("; ", differences);
        String evidence = context.fact(HostFiles.class).resolve("/proc/sys/vm") + "/dirty_*; " + filesRead(persisted);
        String expected = "persisted limits that pass os.dirty-limits";
        String bootText = "background " + atBoot.background().describe() + ", foreground "
                + atBoot.foreground().describe();
        if (!DirtyLimitsCheck.problems(now, max).isEmpty()) {
            return Finding.info("the running dirty limits are judged by os.dirty-limits; after a reboot: " + bootText)
                    .observed(observed).expected(expected).evidence(evidence);
        }
        List<String> bootProblems = DirtyLimitsCheck.problems(atBoot, max);
        if (bootProblems.isEmpty()) {
            return Finding.pass("the dirty limits after a reboot also pass: " + bootText)
                    .observed(observed).expected(expected).evidence(evidence);
        }
        Map<String, Object> keep = new LinkedHashMap<>();
        keep.put(now.background().bytes() != 0 ? DirtyLimits.BACKGROUND_BYTES : DirtyLimits.BACKGROUND_RATIO,
                now.background().bytes() != 0 ? now.background().bytes() : now.background().ratio());
        keep.put(now.foreground().bytes() != 0 ? DirtyLimits.BYTES : DirtyLimits.RATIO,
                now.foreground().bytes() != 0 ? now.foreground().bytes() : now.foreground().ratio());
        return Finding.warn("the dirty limits will revert on reboot (" + String.join("; ", differences)
                + "); the persisted settings give " + bootText + ": " + String.join("; ", bootProblems))
                .observed(observed).expected(expected).evidence(evidence).fix(SysctlFix.of(container, keep));
    }

    private static Map<String, Long> runtimeDirty(DirtyLimits now) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put(DirtyLimits.BACKGROUND_RATIO, now.background().ratio());
        m.put(DirtyLimits.BACKGROUND_BYTES, now.background().bytes());
        m.put(DirtyLimits.RATIO, now.foreground().ratio());
        m.put(DirtyLimits.BYTES, now.foreground().bytes());
        return m;
    }

    /**
     * Replays the persisted dirty settings as the kernel applies them: writing a ratio zeroes its bytes
     * twin and writing bytes zeroes the ratio (the foreground pair only when the value changes), and the
     * kernel refuses byte limits below its minimum (two pages foreground, one byte background).
     */
    static Map<String, BootValue> dirtyAtBoot(PersistedSysctls persisted) {
        Map<String, BootValue> values = new LinkedHashMap<>();
        for (String key : DIRTY_KEYS) {
            values.put(key, new BootValue(KERNEL_DEFAULTS.get(key), "none persisted: kernel default"));
        }
        for (Assignment a : persisted.assignments()) {
            if (!values.containsKey(a.key())) {
                continue;
            }
            long v = parse(a);
            boolean changed = values.get(a.key()).value() != v;
            BootValue set = new BootValue(v, a.where());
            BootValue zeroed = new BootValue(0, "zeroed by " + a.key() + " at " + a.where());
            switch (a.key()) {
                case DirtyLimits.BYTES:
                    if (v >= 8192) {
                        values.put(a.key(), set);
                        if (changed) {
                            values.put(DirtyLimits.RATIO, zeroed);
                        }
                    }
                    break;
                case DirtyLimits.RATIO:
                    values.put(a.key(), set);
                    if (changed) {
                        values.put(DirtyLimits.BYTES, zeroed);
                    }
                    break;
                case DirtyLimits.BACKGROUND_BYTES:
                    if (v >= 1) {
                        values.put(a.key(), set);
                        values.put(DirtyLimits.BACKGROUND_RATIO, zeroed);
                    }
                    break;
                default:
                    values.put(a.key(), set);
                    values.put(DirtyLimits.BACKGROUND_BYTES, zeroed);
            }
        }
        return values;
    }

    static BootValue bootValue(PersistedSysctls persisted, String key) {
        return persisted.last(key).map(a -> new BootValue(parse(a), a.where()))
                .orElse(new BootValue(KERNEL_DEFAULTS.get(key), "none persisted: kernel default"));
    }

    private static long parse(Assignment a) {
        try {
            return Long.parseLong(a.value());
        } catch (NumberFormatException e) {
            throw new FactException(a.where() + ": " + a.key() + " = '" + a.value() + "' is not a whole number");
        }
    }

    private static String filesRead(PersistedSysctls persisted) {
        return persisted.files().isEmpty() ? "no sysctl.d files or /etc/sysctl.conf"
                : "sysctl files " + persisted.files().stream().map(Object::toString)
                        .collect(java.util.stream.Collectors.joining(", "));
    }

    private static Finding thp(CheckContext context, Container container) {
        TransparentHugePages thp = context.fact(TransparentHugePages.class);
        if (!thp.compiledIn()) {
            return Finding.info("this kernel has no Transparent Huge Pages: nothing to persist")
                    .observed("absent").evidence(thp.directory());
        }
        String now = ThpCheck.enabledMode(thp);
        ThpBootSetting boot = context.fact(ThpBootSetting.class);
        String bootMode = boot.mode().orElse("unknown");
        String observed = "runtime " + now + ", at boot " + bootMode + " (" + boot.source() + ")";
        String evidence = thp.enabled().path() + "; " + boot.source();
        String expected = "madvise or never at boot";
        if (boot.mode().isPresent() && !ThpCheck.MODES.contains(bootMode)) {
            throw new FactException(boot.source() + ": '" + bootMode + "' is not always, madvise or never"
                    + " (the kernel ignores it)");
        }
        if (now.equals("always")) {
            return Finding.info("THP is 'always' now (os.thp judges it); at boot: " + bootMode)
                    .observed(observed).expected(expected).evidence(evidence);
        }
        if (boot.mode().isEmpty()) {
            return Finding.info("THP is '" + now + "' now; what the next boot sets cannot be told (" + boot.source()
                    + "): if it was set at runtime, it reverts on reboot unless a systemd unit or tuned profile sets it")
                    .observed(observed).expected(expected).evidence(evidence).fix(SysctlFix.thpEnabled(container));
        }
        if (!bootMode.equals("always")) {
            return Finding.pass("THP is '" + now + "' now and '" + bootMode + "' at boot")
                    .observed(observed).expected(expected).evidence(evidence);
        }
        return Finding.warn("THP is '" + now + "' now but will revert on reboot to 'always' (" + boot.source()
                + "), unless a systemd unit or tuned profile sets it at boot")
                .observed(observed).expected(expected).evidence(evidence).fix(SysctlFix.thpEnabled(container));
    }
}
