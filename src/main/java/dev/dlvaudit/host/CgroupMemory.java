package dev.dlvaudit.host;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A process's cgroup memory limit and OOM kills: cgroup v2 {@code memory.max} and
 * {@code memory.events}, or v1 {@code memory.limit_in_bytes} and {@code memory.oom_control}.
 * The effective limit is the smallest along the path to the root; empty when there is none.
 *
 * @param version "v2" or "v1"
 * @param path the process's cgroup
 * @param limitFile where the effective limit was read (empty when there is no limit)
 */
public record CgroupMemory(String version, String path, OptionalLong limitBytes, String limitFile,
                           OptionalLong oomKills, String eventsFile) {
    /** cgroup v1 writes "no limit" as a page-rounded LONG_MAX. */
    private static final long V1_UNLIMITED = 1L << 60;

    /** The version of the hierarchy mounted at /sys/fs/cgroup: v2, v1 (hybrid), v1, or empty. */
    public static Optional<String> version(HostFiles files) {
        if (files.exists("/sys/fs/cgroup/cgroup.controllers")) {
            return Optional.of("v2");
        }
        if (files.exists("/sys/fs/cgroup/memory")) {
            return Optional.of(files.exists("/sys/fs/cgroup/unified/cgroup.controllers") ? "v1 (hybrid)" : "v1");
        }
        return Optional.empty();
    }

    /** The memory cgroup of {@code /proc/PID} ("self" for the auditing process), when one is known. */
    public static Optional<CgroupMemory> of(HostFiles files, String pid) {
        Optional<String> cgroup = safeRead(files, "/proc/" + pid + "/cgroup");
        Optional<String> version = version(files);
        if (cgroup.isEmpty() || version.isEmpty()) {
            return Optional.empty();
        }
        boolean v2 = version.get().equals("v2");
        String path = null;
        for (String line : cgroup.get().split("\n")) {
            String[] f = line.split(":", 3);
            if (f.length < 3) {
                continue;
            }
            if (v2 && f[0].equals("0") && f[1].isEmpty()) {
                path = f[2];
            } else if (!v2 && java.util.Arrays.asList(f[1].split(",")).contains("memory")) {
                path = f[2];
            }
        }
        if (path == null) {
            return Optional.empty();
        }
        String base = v2 ? "/sys/fs/cgroup" : "/sys/fs/cgroup/memory";
        String limitName = v2 ? "memory.max" : "memory.limit_in_bytes";
        long limit = Long.MAX_VALUE;
        String limitFile = "";
        String eventsFile = "";
        OptionalLong oom = OptionalLong.empty();
        for (String dir = base + (path.equals("/") ? "" : path); dir.startsWith(base); dir = parent(dir)) {
            Optional<String> value = safeRead(files, dir + "/" + limitName).map(String::trim);
            if (value.isPresent() && !value.get().equals("max")) {
                try {
                    long v = Long.parseLong(value.get());
                    if (v < limit && (v2 || v < V1_UNLIMITED)) {
                        limit = v;
                        limitFile = files.resolve(dir + "/" + limitName).toString();
                    }
                } catch (NumberFormatException e) {
                    throw new dev.dlvaudit.api.FactException(files.resolve(dir + "/" + limitName)
                            + ": expected a number of bytes or 'max', found '" + value.get() + "'");
                }
            }
            if (oom.isEmpty()) {
                String events = dir + (v2 ? "/memory.events" : "/memory.oom_control");
                Optional<String> text = safeRead(files, events);
                if (text.isPresent()) {
                    oom = field(text.get(), "oom_kill");
                    eventsFile = files.resolve(events).toString();
                }
            }
            if (dir.equals(base)) {
                break;
            }
        }
        return Optional.of(new CgroupMemory(v2 ? "v2" : "v1", path,
                limit == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(limit), limitFile, oom, eventsFile));
    }

    private static String parent(String dir) {
        int slash = dir.lastIndexOf('/');
        return slash <= 0 ? "" : dir.substring(0, slash);
    }

    private static OptionalLong field(String text, String key) {
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 2 && f[0].equals(key)) {
                try {
                    return OptionalLong.of(Long.parseLong(f[1]));
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }

    private static Optional<String> safeRead(HostFiles files, String path) {
        try {
            return files.readIfExists(path);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
