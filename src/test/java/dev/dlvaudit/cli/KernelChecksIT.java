package dev.dlvaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlvaudit.testing.Cli;
import dev.dlvaudit.testing.FakeHost;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --only os} through the packaged jar on fake hosts. */
class KernelChecksIT {
    @TempDir
    Path root;
    FakeHost host;

    @BeforeEach
    void goodHost() {
        host = new FakeHost(root).goodKernel().file("/proc/sys/kernel/hostname", "kernelhost\n");
    }

    private Cli.Run check(String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "check";
        args[1] = "--host-root";
        args[2] = root.toString();
        args[3] = "--only=os";
        System.arraycopy(more, 0, args, 4, more.length);
        Cli.Run run = Cli.run(args);
        // the text report wraps long messages: compare with whitespace collapsed
        return new Cli.Run(run.exitCode(), run.out().replaceAll("\\s+", " "), run.err());
    }

    @Test
    void tunedHostPassesEveryKernelCheck() {
        Cli.Run run = check();
        assertEquals(0, run.exitCode(), run.toString());
        for (String id : new String[] {"os.swappiness", "os.dirty-limits", "os.thp", "os.thp-defrag",
            "os.sysctl-persisted", "os.zone-reclaim", "os.overcommit"}) {
            assertTrue(run.out().contains(id), id + " missing\n" + run.out());
        }
        assertTrue(run.out().contains("0 warnings, 0 failed, 0 errors"), run.out());
    }

    @Test
    void untunedNumaHostReportsEachFindingWithItsFix() {
        host.sysctl("vm.swappiness", "60")
                .sysctl("vm.dirty_bytes", "0").sysctl("vm.dirty_ratio", "16")
                .sysctl("vm.dirty_background_bytes", "0").sysctl("vm.dirty_background_ratio", "16")
                .file("/sys/kernel/mm/transparent_hugepage/enabled", "[always] madvise never\n")
                .file("/sys/kernel/mm/transparent_hugepage/defrag", "[always] defer defer+madvise madvise never\n")
                .file("/sys/devices/system/node/online", "0-1\n").sysctl("vm.zone_reclaim_mode", "1");
        Cli.Run run = check();
        assertEquals(1, run.exitCode(), "the swappiness FAIL trips the default gate\n" + run);
        String out = run.out();
        assertTrue(out.contains("FAIL") && out.contains("vm.swappiness is 60"), out);
        assertTrue(out.contains("background limit 1.6 GiB is not below the foreground limit 1.6 GiB"), out);
        assertTrue(out.contains("THP is 'always'"), out);
        assertTrue(out.contains("THP defrag is 'always'"), out);
        assertTrue(out.contains("on a host with 2 NUMA nodes"), out);
        assertTrue(out.contains("sysctl -w vm.zone_reclaim_mode=0"), out);
        assertTrue(out.contains("1 failed") && out.contains("4 warnings"), out);
        assertFalse(out.contains("\u001b["), "escape codes in piped output");
        assertFalse(out.contains("set them on the host"), "not a container");
    }

    @Test
    void warningsOnlyTripTheGateWithFailOnWarn() {
        host.delete("/etc/sysctl.d/90-datalevin.conf");
        Cli.Run run = check();
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("vm.swappiness is 1 now but will revert on reboot to 60 (none persisted"),
                run.out());
        assertEquals(1, check("--fail-on", "warn").exitCode());
    }

    @Test
    void inAContainerFixesSaySetOnTheHost() {
        host.file("/.dockerenv", "").file("/sys/kernel/mm/transparent_hugepage/enabled", "[always] madvise never\n");
        Cli.Run run = check();
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("docker container"), run.out());
    }

    @Test
    void malformedInputIsAnErrorNamingFileAndContentWithoutAStackTrace() {
        host.file("/sys/kernel/mm/transparent_hugepage/enabled", "always madvise never\n")
                .delete("/proc/meminfo");
        Cli.Run run = check("--format", "json");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().contains("transparent_hugepage/enabled: expected the choices with the active one in"
                + " brackets (e.g. 'always [madvise] never'), found 'always madvise never'"), run.out());
        assertTrue(run.out().contains("proc/meminfo: no such file"), run.out());
        assertFalse((run.out() + run.err()).contains("\tat "), "stack trace printed");
    }

    @Test
    void kernelWithoutThpIsNotAnError() {
        host.delete("/sys/kernel/mm/transparent_hugepage/enabled").delete("/sys/kernel/mm/transparent_hugepage/defrag")
                .delete("/sys/kernel/mm/transparent_hugepage");
        Cli.Run run = Cli.run(Map.of(), "check", "--host-root", root.toString(), "--only", "os.thp,os.thp-defrag");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("no Transparent Huge Pages") && run.out().contains("0 errors"), run.out());
    }
}
