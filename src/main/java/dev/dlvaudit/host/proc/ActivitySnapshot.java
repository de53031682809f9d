package dev.dlvaudit.host.proc;

import dev.dlvaudit.host.HostFiles;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Counters read at one instant: each process's faults ({@code /proc/PID/stat} fields 10 and 12), the
 * CPU's iowait and total ticks ({@code /proc/stat}), and I/Os completed on a device ({@code /proc/diskstats}).
 */
public record ActivitySnapshot(long nanos, Map<Integer, long[]> faultsByPid, OptionalLong iowaitTicks,
                               OptionalLong totalTicks, OptionalLong deviceIos) {

    public static ActivitySnapshot read(HostFiles files, List<Integer> pids, Optional<String> device) {
        long nanos = System.nanoTime();
        Map<Integer, long[]> faults = new HashMap<>();
        for (int pid : pids) {
            try {
                Optional<String> stat = files.readIfExists("/proc/" + pid + "/stat");
                if (stat.isPresent()) {
                    String s = stat.get();
                    String[] f = s.substring(s.lastIndexOf(')') + 2).trim().split("\\s+");
                    faults.put(pid, new long[] {Long.parseLong(f[7]), Long.parseLong(f[9])});
                }
            } catch (RuntimeException e) {
                // exited or unreadable: no rate for it
            }
        }
        OptionalLong iowait = OptionalLong.empty();
        OptionalLong total = OptionalLong.empty();
        Optional<String> stat = quiet(files, "/proc/stat");
        if (stat.isPresent()) {
            for (String line : stat.get().split("\n")) {
                if (line.startsWith("cpu ")) {
                    String[] f = line.trim().split("\\s+");
                    long sum = 0;
                    for (int i = 1; i < f.length && i <= 8; i++) { // user..steal; guest is inside user
                        sum += Long.parseLong(f[i]);
                    }
                    total = OptionalLong.of(sum);
                    iowait = f.length > 5 ? OptionalLong.of(Long.parseLong(f[5])) : OptionalLong.empty();
                }
            }
        }
        OptionalLong ios = OptionalLong.empty();
        Optional<String> disks = device.isPresent() ? quiet(files, "/proc/diskstats") : Optional.empty();
        if (disks.isPresent()) {
            for (String line : disks.get().split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 7 && f[2].equals(device.get())) {
                    ios = OptionalLong.of(Long.parseLong(f[3]) + Long.parseLong(f[7]));
                }
            }
        }
        return new ActivitySnapshot(nanos, Map.copyOf(faults), iowait, total, ios);
    }

    private static Optional<String> quiet(HostFiles files, String path) {
        try {
            return files.readIfExists(path);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
