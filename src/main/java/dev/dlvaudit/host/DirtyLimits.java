package dev.dlvaudit.host;

import dev.dlvaudit.api.FactException;
import dev.dlvaudit.api.Units;
import java.util.Map;

/**
 * The kernel's dirty page limits in bytes, computed as mm/page-writeback.c does: a non-zero
 * {@code *_bytes} overrides its {@code *_ratio}, and a ratio applies to the dirtyable memory
 * (free pages plus the file LRU; MemAvailable when those fields are missing).
 *
 * @param background the limit at which the flusher threads start writing back
 * @param foreground the limit at which writing processes are throttled
 * @param dirtyableBytes the memory the ratios apply to
 * @param dirtyableFrom how dirtyableBytes was computed, for the evidence
 */
public record DirtyLimits(Limit background, Limit foreground, long dirtyableBytes, String dirtyableFrom) {

    /** One limit: its ratio and bytes settings and the resulting bytes. */
    public record Limit(String ratioKey, long ratio, String bytesKey, long bytes, long effectiveBytes) {

        /** {@code 1.6 GiB (10 % of dirtyable memory)} or {@code 256 MiB (vm.dirty_bytes)}. */
        public String describe() {
            return Units.bytes(effectiveBytes) + (bytes != 0 ? " (" + bytesKey + ")" : " (" + ratioKey + " = " + ratio
                    + " % of dirtyable memory)");
        }
    }

    public static final String RATIO = "vm.dirty_ratio";
    public static final String BACKGROUND_RATIO = "vm.dirty_background_ratio";
    public static final String BYTES = "vm.dirty_bytes";
    public static final String BACKGROUND_BYTES = "vm.dirty_background_bytes";

    /** The limits of the running kernel, from {@code /proc/sys/vm} and {@code /proc/meminfo}. */
    public static DirtyLimits read(HostFiles files, Meminfo meminfo) {
        return of(Map.of(
                RATIO, Sysctl.read(files, RATIO).asLong(),
                BACKGROUND_RATIO, Sysctl.read(files, BACKGROUND_RATIO).asLong(),
                BYTES, Sysctl.read(files, BYTES).asLong(),
                BACKGROUND_BYTES, Sysctl.read(files, BACKGROUND_BYTES).asLong()), meminfo);
    }

    /** The limits the given four settings give on a host with this memory (used for persisted values too). */
    public static DirtyLimits of(Map<String, Long> settings, Meminfo meminfo) {
        long dirtyable;
        String from;
        if (meminfo.kib("MemFree").isPresent() && meminfo.kib("Active(file)").isPresent()
                && meminfo.kib("Inactive(file)").isPresent()) {
            dirtyable = meminfo.bytes("MemFree") + meminfo.bytes("Active(file)") + meminfo.bytes("Inactive(file)");
            from = "MemFree + Active(file) + Inactive(file) in " + meminfo.path();
        } else if (meminfo.kib("MemAvailable").isPresent()) {
            dirtyable = meminfo.bytes("MemAvailable");
            from = "MemAvailable in " + meminfo.path();
        } else {
            throw new FactException(meminfo.path() + ": neither MemFree, Active(file) and Inactive(file) nor"
                    + " MemAvailable is reported, so the dirty ratios cannot be turned into bytes");
        }
        return new DirtyLimits(
                limit(BACKGROUND_RATIO, BACKGROUND_BYTES, settings, dirtyable),
                limit(RATIO, BYTES, settings, dirtyable), dirtyable, from);
    }

    private static Limit limit(String ratioKey, String bytesKey, Map<String, Long> settings, long dirtyable) {
        long ratio = settings.get(ratioKey);
        long bytes = settings.get(bytesKey);
        long effective = bytes != 0 ? bytes : dirtyable * ratio / 100;
        return new Limit(ratioKey, ratio, bytesKey, bytes, effective);
    }

    /** The kernel halves the foreground limit for the background one when background ≥ foreground. */
    public boolean backgroundNotBelowForeground() {
        return background.effectiveBytes() >= foreground.effectiveBytes();
    }
}
