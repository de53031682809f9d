package dev.dlvaudit.host.storage;

/**
 * One line of {@code /proc/PID/mountinfo}.
 *
 * @param majorMinor the device number of the filesystem ({@code 8:1}; major 0 for tmpfs, overlay, nfs, btrfs)
 * @param root the directory of the filesystem mounted here (bind mounts: not {@code /})
 * @param options per-mount options ({@code rw,relatime})
 * @param superOptions per-filesystem options ({@code rw,discard})
 */
public record Mount(String majorMinor, String root, String mountPoint, String options, String fsType,
                    String source, String superOptions) {

    /** Whether a host path lies on this mount point (prefix by whole path components). */
    public boolean covers(String hostPath) {
        if (mountPoint.equals("/")) {
            return hostPath.startsWith("/");
        }
        return hostPath.equals(mountPoint) || hostPath.startsWith(mountPoint + "/");
    }
}
