package dev.dlvaudit.host;

import dev.dlvaudit.api.FactException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kernel command line of the running boot, {@code /proc/cmdline}. Words after a lone
 * {@code --} are the init process's arguments, not the kernel's, and are left out.
 */
public record KernelCommandLine(Path path, List<String> words) {

    public static KernelCommandLine read(HostFiles files) {
        Path path = files.resolve("/proc/cmdline");
        String text = files.read("/proc/cmdline");
        if (text.isBlank()) {
            throw new FactException(path + ": the file is empty");
        }
        List<String> words = new ArrayList<>();
        for (String w : text.trim().split("\\s+")) {
            if (w.equals("--")) {
                break;
            }
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return new KernelCommandLine(path, List.copyOf(words));
    }

    /** The value of the last {@code name=value} word (the kernel lets a later one win), if any. */
    public Optional<String> parameter(String name) {
        String value = null;
        for (String w : words) {
            if (w.startsWith(name + "=")) {
                value = w.substring(name.length() + 1).replace("\"", "");
            }
        }
        return Optional.ofNullable(value);
    }
}
