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

    public Path path(String hostPath) {
        return root.resolve(hostPath.startsWith("/") ? hostPath.substring(1) : hostPath);
    }
}
