package dev.dlvaudit.checks.os;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.FactException;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import dev.dlvaudit.host.Container;
import dev.dlvaudit.host.TransparentHugePages;
import java.util.List;
import java.util.Set;

@CheckSpec(
        id = "os.thp",
        title = "Transparent Huge Pages are not forced on every process",
        severity = Severity.WARN,
        scope = Scope.HOST,
        rationale = "With THP 'always', the kernel backs the JVM heap with huge pages and compacts memory to find"
                + " them, which shows up as latency spikes and memory bloat. THP touches the JVM heap (anonymous"
                + " memory), not Datalevin's file map: 'madvise' lets a JVM opt in (-XX:+UseTransparentHugePages)"
                + " and keeps everything else on normal pages.",
        reads = "/sys/kernel/mm/transparent_hugepage/enabled (the bracketed word)",
        thresholds = "PASS never or madvise; WARN always; INFO when the kernel has no THP.",
        fix = "echo madvise > /sys/kernel/mm/transparent_hugepage/enabled; transparent_hugepage=madvise on the"
                + " kernel command line (or a tuned profile) to keep it.",
        sources = {"Linux Documentation/admin-guide/mm/transhuge.rst"})
public final class ThpCheck implements Check {
    static final Set<String> MODES = Set.of("always", "madvise", "never");

    @Override
    public List<Finding> evaluate(CheckContext context) {
        TransparentHugePages thp = context.fact(TransparentHugePages.class);
        if (!thp.compiledIn()) {
            return List.of(Finding.info("this kernel has no Transparent Huge Pages (" + thp.directory()
                    + " does not exist)").observed("absent").expected("never or madvise").evidence(thp.directory()));
        }
        String mode = enabledMode(thp);
        String evidence = thp.enabled().path().toString();
        if (!mode.equals("always")) {
            return List.of(Finding.pass("THP is '" + mode + "': the JVM heap gets huge pages only if it asks")
                    .observed(mode).expected("never or madvise").evidence(evidence));
        }
        return List.of(Finding.warn("THP is 'always': the kernel backs every process's anonymous memory, the JVM"
                + " heap included, with huge pages and compacts memory to find them (latency spikes, bloat)")
                .observed(mode).expected("never or madvise").evidence(evidence)
                .fix(SysctlFix.thpEnabled(context.fact(Container.class))));
    }

    /** The enabled mode, checked to be one the kernel knows. */
    static String enabledMode(TransparentHugePages thp) {
        String mode = thp.enabled().mode();
        if (!MODES.contains(mode)) {
            throw new FactException(thp.enabled().path() + ": unknown mode '" + mode + "' in '"
                    + thp.enabled().content().trim() + "' (expected always, madvise or never)");
        }
        return mode;
    }
}
