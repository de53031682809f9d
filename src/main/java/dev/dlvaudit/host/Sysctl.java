package dev.dlvaudit.host;

import dev.dlvaudit.api.FactException;
import java.nio.file.Path;

/**
 * One kernel setting as read from {@code /proc/sys}: its text, or why it could not be read.
 *
 * @param key the sysctl name, e.g. {@code vm.swappiness}
 * @param path where it was read
 * @param text the trimmed file content, or null when it could not be read
 * @param error why it could not be read, or null
 */
public record Sysctl(String key, Path path, String text, String error) {

    public static Sysctl read(HostFiles files, String key) {
        String hostPath = "/proc/sys/" + key.replace('.', '/');
        Path path = files.resolve(hostPath);
        try {
            return new Sysctl(key, path, files.read(hostPath).trim(), null);
        } catch (FactException e) {
            return new Sysctl(key, path, null, e.getMessage());
        }
    }

    /** The value as a whole number; a FactException naming the file and content when unreadable or malformed. */
    public long asLong() {
        if (text == null) {
            throw new FactException(error);
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new FactException(path + ": expected a whole number, found '" + abbreviate(text) + "'");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
