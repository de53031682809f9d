package dev.dlvaudit.host;

import dev.dlvaudit.api.FactException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The active swap areas from {@code /proc/swaps}. No file or no entries means no swap,
 * which is a legitimate state, not an error.
 */
public record SwapDevices(Path source, List<Device> devices) {

    public record Device(String name, String type, long sizeKib) {
    }

    public static SwapDevices read(HostFiles files) {
        Path path = files.resolve("/proc/swaps");
        Optional<String> text = files.readIfExists("/proc/swaps");
        List<Device> devices = new ArrayList<>();
        if (text.isPresent()) {
            String[] lines = text.get().split("\n");
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i].trim();
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split("\\s+");
                if (f.length < 3) {
                    throw new FactException(path + ": line " + (i + 1) + " is malformed: '" + line + "'");
                }
                try {
                    devices.add(new Device(f[0], f[1], Long.parseLong(f[2])));
                } catch (NumberFormatException e) {
                    throw new FactException(path + ": line " + (i + 1) + ": size '" + f[2] + "' is not a number");
                }
            }
        }
        return new SwapDevices(path, List.copyOf(devices));
    }

    public boolean enabled() {
        return devices.stream().anyMatch(d -> d.sizeKib() > 0);
    }

    public long totalBytes() {
        return devices.stream().mapToLong(Device::sizeKib).sum() * 1024;
    }
}
