package dev.dlvaudit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fake host tree for tests: host paths such as /proc/sys/vm/swappiness written under a root. */
public final class FakeHost {
    private final Path root;

    public FakeHost(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Writes a file at a host path (creating parent directories). */
    public FakeHost file(String hostPath, String content) {
        Path p = path(hostPath);
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes a sysctl under /proc/sys, e.g. sysctl("vm.swappiness", "60"). */
    public FakeHost sysctl(String key, String value) {
        return file("/proc/sys/" + key.replace('.', '/'), value + "\n");
    }

    public FakeHost dir(String hostPath) {
        try {
            Files.createDirectories(path(hostPath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public FakeHost delete(String hostPath) {
        try {
            Files.deleteIfExists(path(hostPath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** /proc/swaps with one swap file of the given size, or an empty table when kib is 0. */
    public FakeHost swap(long kib) {
        String header = "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n";
        return file("/proc/swaps", kib == 0 ? header : header + "/swapfile  file  " + kib + "  0  -2\n");
    }

    /** /proc/meminfo with these fields (KiB), in the kernel's layout. */
    public FakeHost meminfo(java.util.Map<String, Long> kib) {
        StringBuilder sb = new StringBuilder();
        kib.forEach((k, v) -> sb.append(String.format("%-16s%8d kB%n", k + ":", v)));
        return file("/proc/meminfo", sb.toString());
    }

    /**
     * A host whose kernel settings all pass the os.* checks and are persisted: swap with swappiness 1,
     * byte dirty limits (256 MiB / 1 GiB), THP madvise (also on the kernel command line), one NUMA node,
     * heuristic overcommit, 16 GiB of RAM.
     */
    public FakeHost goodKernel() {
        swap(1024 * 1024);
        sysctl("vm.swappiness", "1").sysctl("vm.dirty_ratio", "0").sysctl("vm.dirty_background_ratio", "0")
                .sysctl("vm.dirty_bytes", "1073741824").sysctl("vm.dirty_background_bytes", "268435456")
                .sysctl("vm.zone_reclaim_mode", "0").sysctl("vm.overcommit_memory", "0");
        java.util.Map<String, Long> mem = new java.util.LinkedHashMap<>();
        mem.put("MemTotal", 16L << 20);
        mem.put("MemFree", 8L << 20);
        mem.put("MemAvailable", 12L << 20);
        mem.put("Active(file)", 1L << 20);
        mem.put("Inactive(file)", 1L << 20);
        mem.put("SwapTotal", 1L << 20);
        mem.put("CommitLimit", 9L << 20);
        mem.put("Committed_AS", 2L << 20);
        meminfo(mem);
        file("/sys/kernel/mm/transparent_hugepage/enabled", "always [madvise] never\n");
        file("/sys/kernel/mm/transparent_hugepage/defrag", "always defer defer+madvise [madvise] never\n");
        file("/proc/cmdline", "BOOT_IMAGE=/boot/vmlinuz root=/dev/sda1 ro transparent_hugepage=madvise\n");
        file("/sys/devices/system/node/online", "0\n");
        file("/proc/sys/kernel/osrelease", "6.1.0-test\n");
        return file("/etc/sysctl.d/90-datalevin.conf", "vm.swappiness = 1\nvm.dirty_background_bytes = 268435456\n"
                + "vm.dirty_bytes = 1073741824\n");
    }

    public Path path(String hostPath) {
        return root.resolve(hostPath.startsWith("/") ? hostPath.substring(1) : hostPath);
    }
}
