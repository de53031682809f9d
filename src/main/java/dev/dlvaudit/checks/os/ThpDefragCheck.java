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
        id = "os.thp-defrag",
        title = "THP defrag does not stall allocations",
        severity = Severity.WARN,
        scope = Scope.HOST,
        rationale = "With defrag 'always', a process that wants a huge page and finds none free stalls in direct"
                + " compaction until one is assembled: allocation latency of milliseconds to seconds in the JVM."
                + " It only matters when THP can be active (enabled is not 'never').",
        reads = "/sys/kernel/mm/transparent_hugepage/defrag and .../enabled (the bracketed words)",
        thresholds = "WARN defrag 'always' while enabled is 'always' or 'madvise'; PASS otherwise;"
                + " INFO when the kernel has no THP.",
        fix = "echo madvise > /sys/kernel/mm/transparent_hugepage/defrag, kept by a tmpfiles.d line or a tuned profile.",
        sources = {"Linux Documentation/admin-guide/mm/transhuge.rst"})
public final class ThpDefragCheck implements Check {
    static final Set<String> MODES = Set.of("always", "defer", "defer+madvise", "madvise", "never");
    static final String TMPFILES = "/etc/tmpfiles.d/90-datalevin-thp.conf";

    @Override
    public List<Finding> evaluate(CheckContext context) {
        TransparentHugePages thp = context.fact(TransparentHugePages.class);
        if (!thp.compiledIn()) {
            return List.of(Finding.info("this kernel has no Transparent Huge Pages (" + thp.directory()
                    + " does not exist)").observed("absent").expected("not always").evidence(thp.directory()));
        }
        String defrag = thp.defrag().mode();
        if (!MODES.contains(defrag)) {
            throw new FactException(thp.defrag().path() + ": unknown mode '" + defrag + "' in '"
                    + thp.defrag().content().trim() + "'");
        }
        String evidence = thp.defrag().path().toString();
        String expected = "madvise, defer, defer+madvise or never";
        if (!defrag.equals("always")) {
            return List.of(Finding.pass("THP defrag is '" + defrag + "': no allocation stalls in direct compaction"
                    + " unless a region asked for huge pages").observed(defrag).expected(expected).evidence(evidence));
        }
        String enabled = ThpCheck.enabledMode(thp);
        evidence += ", " + thp.enabled().path();
        if (enabled.equals("never")) {
            return List.of(Finding.pass("THP defrag is 'always' but THP is 'never', so it has no effect")
                    .observed("defrag always, enabled never").expected(expected).evidence(evidence));
        }
        return List.of(Finding.warn("THP defrag is 'always' with THP '" + enabled + "': allocations that want a"
                + " huge page stall in direct compaction (JVM latency spikes)")
                .observed("defrag always, enabled " + enabled).expected(expected).evidence(evidence)
                .fix("Now: echo madvise > /sys/kernel/mm/transparent_hugepage/defrag. At boot (there is no kernel"
                        + " command-line parameter for it): echo 'w /sys/kernel/mm/transparent_hugepage/defrag - - - -"
                        + " madvise' > " + TMPFILES + ", or a tuned profile's [sysfs] section."
                        + context.fact(Container.class).hostNote()));
    }
}
