package dev.dlvaudit.host;

import dev.dlvaudit.api.FactException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /proc/meminfo}: every field in KiB (the page counts such as HugePages_Total are kept as
 * numbers too). The file should always exist; a missing, empty or malformed one is a
 * {@link FactException} naming the path and the line.
 */
public record Meminfo(Path path, Map<String, Long> values) {

    public static Meminfo read(HostFiles files) {
        Path path = files.resolve("/proc/meminfo");
        String text = files.read("/proc/meminfo");
        if (text.isBlank()) {
            throw new FactException(path + ": the file is empty");
        }
        Map<String, Long> values = new LinkedHashMap<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            String[] f = colon < 0 ? new String[0] : line.substring(colon + 1).trim().split("\\s+");
            if (colon <= 0 || f.length == 0 || f[0].isEmpty()) {
                throw new FactException(path + ": line " + (i + 1) + " is malformed: '" + line + "'");
            }
            try {
                values.put(line.substring(0, colon).trim(), Long.parseLong(f[0]));
            } catch (NumberFormatException e) {
                throw new FactException(path + ": line " + (i + 1) + ": '" + f[0] + "' is not a number");
            }
        }
        return new Meminfo(path, Map.copyOf(values));
    }

    /** A field's value in KiB, or empty when this kernel does not report it. */
    public Optional<Long> kib(String field) {
        return Optional.ofNullable(values.get(field));
    }

    /** A field's value in bytes; a {@link FactException} when the field is missing. */
    public long bytes(String field) {
        return kib(field).orElseThrow(() -> new FactException(path + ": no " + field + " line")) * 1024;
    }
}
