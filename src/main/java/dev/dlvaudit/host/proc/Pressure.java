package dev.dlvaudit.host.proc;

import dev.dlvaudit.host.HostFiles;
import java.util.Optional;
import java.util.OptionalDouble;

/** Pressure stall information ({@code /proc/pressure/io|memory}): the "some" and "full" avg10 percentages. */
public record Pressure(String resource, OptionalDouble someAvg10, OptionalDouble fullAvg10) {

    public static Optional<Pressure> read(HostFiles files, String resource) {
        Optional<String> text;
        try {
            text = files.readIfExists("/proc/pressure/" + resource);
        } catch (RuntimeException e) {
            return Optional.empty(); // PSI disabled (psi=0) reads as EOPNOTSUPP
        }
        return text.map(t -> new Pressure(resource, avg10(t, "some"), avg10(t, "full")));
    }

    private static OptionalDouble avg10(String text, String kind) {
        for (String line : text.split("\n")) {
            if (line.startsWith(kind + " ")) {
                for (String f : line.split("\\s+")) {
                    if (f.startsWith("avg10=")) {
                        try {
                            return OptionalDouble.of(Double.parseDouble(f.substring(6)));
                        } catch (NumberFormatException e) {
                            return OptionalDouble.empty();
                        }
                    }
                }
            }
        }
        return OptionalDouble.empty();
    }
}
