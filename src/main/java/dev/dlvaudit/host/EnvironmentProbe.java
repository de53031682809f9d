package dev.dlvaudit.host;

import dev.dlvaudit.host.storage.StorageProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment block every report starts with: cheap facts from plain {@code /proc} and
 * {@code /sys} reads that explain the verdicts. Absent facts are left out, never errors.
 */
public final class EnvironmentProbe {
    private EnvironmentProbe() {
    }

    public static Map<String, Object> read(HostFiles files) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("hostname", hostname(files));
        first(files, "/proc/sys/kernel/osrelease").ifPresent(v -> env.put("kernel", v));
        osName(files).ifPresent(v -> env.put("distribution", v));
        env.put("cpus", cpuCount(files));
        meminfoKib(files, "MemTotal").ifPresent(v -> env.put("memory_bytes", v * 1024));
        meminfoKib(files, "SwapTotal").ifPresent(v -> env.put("swap_bytes", v * 1024));
        Container container = Container.detect(files);
        env.put("container", container.runtime().orElse("none"));
        CgroupMemory.version(files).ifPresent(v -> env.put("cgroup", v));
        env.put("virtual_machine", VirtualMachine.detect(files).orElse("none"));
        numaNodes(files).ifPresent(n -> env.put("numa_nodes", n));
        if (!files.root().toString().equals("/")) {
            env.put("host_root", files.root().toString());
        }
        return env;
    }

    /** The environment with, for each database directory, where it is stored and how big its data file is. */
    public static Map<String, Object> read(HostFiles files, List<Path> databases) {
        Map<String, Object> env = read(files);
        if (!databases.isEmpty()) {
            List<Object> dbs = new ArrayList<>();
            for (Path db : databases) {
                dbs.add(database(files, db));
            }
            env.put("databases", dbs);
        }
        return env;
    }

    /** One database's storage facts; a reason instead when they cannot be read (the checks report the error). */
    public static Map<String, Object> database(HostFiles files, Path db) {
        Map<String, Object> m;
        try {
            m = new LinkedHashMap<>(StorageProbe.probe(files, db).toMap());
        } catch (RuntimeException e) {
            m = new LinkedHashMap<>();
            m.put("path", db.toString());
            m.put("error", e.getMessage() == null ? e.toString() : e.getMessage());
        }
        Path data = Files.isDirectory(db) ? db.resolve("data.mdb") : db;
        try {
            if (Files.isRegularFile(data)) {
                m.put("data_mdb_bytes", Files.size(data));
            }
        } catch (IOException e) {
            // size unknown: left out
        }
        return m;
    }

    /** NUMA nodes online, absent where the kernel has no NUMA directory. */
    static Optional<Integer> numaNodes(HostFiles files) {
        try {
            Optional<String> online = files.readIfExists("/sys/devices/system/node/online");
            if (online.isPresent() && !online.get().isBlank()) {
                return Optional.of(CpuList.count(online.get().trim()));
            }
        } catch (RuntimeException e) {
            // absent
        }
        return Optional.empty();
    }

    public static String hostname(HostFiles files) {
        return first(files, "/proc/sys/kernel/hostname")
                .or(() -> first(files, "/etc/hostname"))
                .orElse("unknown");
    }

    private static Optional<String> first(HostFiles files, String path) {
        try {
            return files.readIfExists(path).map(String::trim).filter(s -> !s.isEmpty())
                    .map(s -> s.lines().findFirst().orElse(s));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> osName(HostFiles files) {
        for (String path : new String[] {"/etc/os-release", "/usr/lib/os-release"}) {
            Optional<String> text;
            try {
                text = files.readIfExists(path);
            } catch (RuntimeException e) {
                continue;
            }
            if (text.isPresent()) {
                for (String line : text.get().split("\n")) {
                    if (line.startsWith("PRETTY_NAME=")) {
                        return Optional.of(line.substring(12).replace("\"", "").trim());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static int cpuCount(HostFiles files) {
        try {
            Optional<String> online = files.readIfExists("/sys/devices/system/cpu/online");
            if (online.isPresent()) {
                return CpuList.count(online.get().trim());
            }
        } catch (RuntimeException e) {
            // fall through to the JVM's view
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** A value of {@code /proc/meminfo} in KiB. */
    public static Optional<Long> meminfoKib(HostFiles files, String key) {
        Optional<String> text;
        try {
            text = files.readIfExists("/proc/meminfo");
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (String line : text.get().split("\n")) {
            if (line.startsWith(key + ":")) {
                String[] f = line.substring(key.length() + 1).trim().split("\\s+");
                try {
                    return Optional.of(Long.parseLong(f[0]));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
