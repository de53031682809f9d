package dev.dlvaudit.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns a path as the auditing process sees it into the path on the audited host: symlinks
 * resolved, and the host root stripped when the path lies under it ({@code /host/var/lib/db}
 * with {@code --host-root /host} is {@code /var/lib/db} on the host).
 */
public final class HostPath {
    private HostPath() {
    }

    /** The real path on the auditing machine (symlinks resolved when it exists). */
    public static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return Files.exists(absolute) ? absolute.toRealPath() : absolute;
        } catch (IOException e) {
            return absolute;
        }
    }

    /** The host's name for the path, e.g. for matching mountinfo and /proc/PID/maps. */
    public static String onHost(HostFiles files, Path path) {
        Path real = real(path);
        Path root = real(files.root());
        if (!root.toString().equals("/") && real.startsWith(root)) {
            return "/" + root.relativize(real).toString().replace('\\', '/');
        }
        return real.toString();
    }
}
