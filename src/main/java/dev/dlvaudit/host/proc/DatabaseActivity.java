package dev.dlvaudit.host.proc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Rates over a sampling interval for one database: faults per process, iowait, pressure, I/Os on
 * its device, and the writer mutex.
 *
 * @param iowaitRatio the share of CPU time spent waiting for I/O
 * @param deviceOpsPerSecond reads + writes completed per second on {@code device}
 */
public record DatabaseActivity(double seconds, Map<Integer, Double> majorFaultsPerSecond,
                               Map<Integer, Double> minorFaultsPerSecond, OptionalDouble iowaitRatio,
                               Optional<Pressure> io, Optional<Pressure> memory, Optional<String> device,
                               OptionalDouble deviceOpsPerSecond, WriterLockSample writerLock) {

    public static DatabaseActivity between(ActivitySnapshot before, ActivitySnapshot after, Optional<Pressure> io,
                                           Optional<Pressure> memory, Optional<String> device, WriterLockSample lock) {
        double seconds = Math.max(after.nanos() - before.nanos(), 1) / 1e9;
        Map<Integer, Double> major = new TreeMap<>();
        Map<Integer, Double> minor = new TreeMap<>();
        for (Map.Entry<Integer, long[]> e : after.faultsByPid().entrySet()) {
            long[] b = before.faultsByPid().get(e.getKey());
            if (b != null) {
                minor.put(e.getKey(), (e.getValue()[0] - b[0]) / seconds);
                major.put(e.getKey(), (e.getValue()[1] - b[1]) / seconds);
            }
        }
        OptionalDouble iowait = OptionalDouble.empty();
        if (before.totalTicks().isPresent() && after.totalTicks().isPresent() && before.iowaitTicks().isPresent()
                && after.iowaitTicks().isPresent()) {
            long total = after.totalTicks().getAsLong() - before.totalTicks().getAsLong();
            if (total > 0) {
                iowait = OptionalDouble.of((double) (after.iowaitTicks().getAsLong() - before.iowaitTicks().getAsLong()) / total);
            }
        }
        OptionalDouble ops = before.deviceIos().isPresent() && after.deviceIos().isPresent()
                ? OptionalDouble.of((after.deviceIos().getAsLong() - before.deviceIos().getAsLong()) / seconds)
                : OptionalDouble.empty();
        return new DatabaseActivity(seconds, Map.copyOf(major), Map.copyOf(minor), iowait, io, memory, device, ops, lock);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seconds", seconds);
        Map<String, Object> faults = new LinkedHashMap<>();
        new TreeMap<>(majorFaultsPerSecond).forEach((pid, rate) -> faults.put(Integer.toString(pid), rate));
        m.put("major_faults_per_second", faults);
        iowaitRatio.ifPresent(v -> m.put("iowait_ratio", v));
        io.ifPresent(p -> p.someAvg10().ifPresent(v -> m.put("io_pressure_some_avg10", v)));
        io.ifPresent(p -> p.fullAvg10().ifPresent(v -> m.put("io_pressure_full_avg10", v)));
        memory.ifPresent(p -> p.someAvg10().ifPresent(v -> m.put("memory_pressure_some_avg10", v)));
        memory.ifPresent(p -> p.fullAvg10().ifPresent(v -> m.put("memory_pressure_full_avg10", v)));
        device.ifPresent(d -> m.put("device", d));
        deviceOpsPerSecond.ifPresent(v -> m.put("device_ops_per_second", v));
        Map<String, Object> lock = new LinkedHashMap<>();
        writerLock.unavailable().ifPresentOrElse(r -> lock.put("not_available", r), () -> {
            lock.put("samples", writerLock.samples());
            lock.put("held_ratio", writerLock.heldRatio());
            lock.put("waiting_ratio", writerLock.waitingRatio());
            Map<String, Object> owners = new LinkedHashMap<>();
            writerLock.ownerTids().forEach((tid, n) -> owners.put(Integer.toString(tid),
                    Map.of("samples", n, "pid", writerLock.ownerPids().getOrDefault(tid, 0))));
            lock.put("owners", owners);
        });
        m.put("writer_lock", lock);
        return m;
    }
}
