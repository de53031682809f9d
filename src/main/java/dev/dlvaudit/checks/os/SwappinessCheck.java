package dev.dlvaudit.checks.os;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import dev.dlvaudit.api.Units;
import dev.dlvaudit.host.Container;
import dev.dlvaudit.host.HostFiles;
import dev.dlvaudit.host.Sysctl;
import dev.dlvaudit.host.SwapDevices;
import java.util.List;

@CheckSpec(
        id = "os.swappiness",
        title = "vm.swappiness keeps the JVM heap in RAM",
        severity = Severity.FAIL,
        scope = Scope.HOST,
        rationale = "With swap enabled, a high vm.swappiness lets the kernel swap out anonymous memory"
                + " (the JVM heap running Datalevin) to keep page cache. The LMDB map is file-backed and is never"
                + " swapped; a swapped-out heap is what hurts: GC pauses turn into disk reads.",
        reads = "/proc/sys/vm/swappiness, /proc/swaps",
        thresholds = "PASS 1-10; WARN 11-59 or 0; FAIL >= 60 when swap is enabled; INFO when no swap exists."
                + " Policy keys: max-pass (10), fail-at (60).",
        fix = "sysctl -w vm.swappiness=1, and append vm.swappiness = 1 to /etc/sysctl.d/90-datalevin.conf.",
        sources = {"Linux Documentation/admin-guide/sysctl/vm.rst (swappiness)",
            "LMDB documentation: the map is a shared file mapping"})
public final class SwappinessCheck implements Check {

    @Override
    public List<Finding> evaluate(CheckContext context) {
        HostFiles files = context.fact(HostFiles.class);
        Sysctl sysctl = Sysctl.read(files, "vm.swappiness");
        long value = sysctl.asLong();
        SwapDevices swap = context.fact(SwapDevices.class);
        long maxPass = context.settings().getLong("max-pass", 10);
        long failAt = context.settings().getLong("fail-at", 60);
        String fix = SysctlFix.of(context.fact(Container.class), "vm.swappiness", 1);
        String expected = "1-" + maxPass;
        String evidence = sysctl.path() + ", " + swap.source();
        if (!swap.enabled()) {
            return List.of(Finding.info("vm.swappiness is " + value + "; no swap is enabled, so the heap cannot be swapped out")
                    .observed(value).expected(expected + " (matters once swap exists)").evidence(evidence));
        }
        String swapText = Units.bytes(swap.totalBytes()) + " of swap";
        if (passes(value, true, maxPass)) {
            return List.of(Finding.pass("vm.swappiness is " + value + " with " + swapText)
                    .observed(value).expected(expected).evidence(evidence));
        }
        Finding f;
        if (value >= failAt) {
            f = Finding.fail("vm.swappiness is " + value + " with " + swapText
                    + ": the kernel will swap out the JVM heap to grow the page cache");
        } else if (value == 0) {
            f = Finding.warn("vm.swappiness is 0 with " + swapText
                    + ": the kernel swaps only under severe pressure and the OOM killer may strike first");
        } else {
            f = Finding.warn("vm.swappiness is " + value + " with " + swapText
                    + ": the JVM heap may be swapped out under page-cache pressure");
        }
        return List.of(f.observed(value).expected(expected).evidence(evidence).fix(fix));
    }

    /** Whether this check would have nothing to say about the value (shared with os.sysctl-persisted). */
    static boolean passes(long value, boolean swapEnabled, long maxPass) {
        return !swapEnabled || (value >= 1 && value <= maxPass);
    }
}
