package dev.dlvaudit.cli;

import java.util.Map;

/** The facts OSHI has that plain /proc reads in EnvironmentProbe do not: available memory, swap used, processes. */
final class OshiFacts {
    private OshiFacts() {
    }

    static void addTo(Map<String, Object> env) {
        try {
            oshi.SystemInfo si = new oshi.SystemInfo();
            oshi.hardware.GlobalMemory memory = si.getHardware().getMemory();
            env.put("memory_available_bytes", memory.getAvailable());
            env.put("swap_used_bytes", memory.getVirtualMemory().getSwapUsed());
            env.put("processes", si.getOperatingSystem().getProcessCount());
        } catch (RuntimeException | LinkageError e) {
            // OSHI could not read this platform: the /proc facts stand alone
        }
    }
}
