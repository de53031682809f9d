package dev.dlvaudit.host;

import dev.dlvaudit.api.FactException;
import java.nio.file.Path;

/** The host's RAM from {@code /proc/meminfo} (MemTotal), and where it was read. */
public record HostMemory(long totalBytes, Path source) {

    public static HostMemory read(HostFiles files) {
        Path path = files.resolve("/proc/meminfo");
        files.read("/proc/meminfo");
        return new HostMemory(EnvironmentProbe.meminfoKib(files, "MemTotal")
                .orElseThrow(() -> new FactException(path + ": no MemTotal line")) * 1024, path);
    }
}
