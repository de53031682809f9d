package dev.dlvaudit.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/**
 * Refuses plugin directories and jars that someone other than root or the running user could
 * change: dlv-audit runs plugin code, often as root from cron, so a world-writable jar (or one
 * under a world-writable directory, or owned by another user) would let anyone run code as root.
 * The directories above a checked path are held to the same rule, except that a world-writable
 * directory with the sticky bit ({@code /tmp}) may be above it: nobody else can rename within it.
 */
public final class PluginSafety {
    private static final int OTHERS_WRITE = 0002;
    private static final int STICKY = 01000;

    private final int uid;

    public PluginSafety(int uid) {
        this.uid = uid;
    }

    /** The rules for the user this process runs as. */
    public static PluginSafety forCurrentUser() {
        try {
            return new PluginSafety((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            throw new ConfigException("cannot tell which user dlv-audit runs as (reading /proc/self): " + e.getMessage(), e);
        }
    }

    /** Throws a {@link ConfigException} with the reason and the fix when {@code path} cannot be trusted. */
    public void verify(Path path, String what) {
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            throw new ConfigException("cannot read " + what + " " + path + ": " + e.getMessage(), e);
        }
        refuseIfUnsafe(real, path, what, false);
        for (Path p = real.getParent(); p != null; p = p.getParent()) {
            refuseIfUnsafe(p, path, what, true);
        }
    }

    private void refuseIfUnsafe(Path p, Path named, String what, boolean ancestor) {
        Map<String, Object> attrs;
        try {
            attrs = Files.readAttributes(p, "unix:mode,uid", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new ConfigException("cannot read the permissions of " + p + " (for " + what + " " + named + "): "
                    + e.getMessage(), e);
        }
        int mode = (Integer) attrs.get("mode");
        int owner = (Integer) attrs.get("uid");
        String where = ancestor ? "the directory " + p + " above it" : "it";
        boolean stickyDir = ancestor && (mode & STICKY) != 0;
        if ((mode & OTHERS_WRITE) != 0 && !stickyDir) {
            throw new ConfigException("refusing " + what + " " + named + ": " + where + " is world-writable (mode "
                    + octal(mode) + "), so anyone could make dlv-audit (run as root by cron) run their code."
                    + " Fix: chmod o-w " + p);
        }
        if (owner != 0 && owner != uid) {
            throw new ConfigException("refusing " + what + " " + named + ": " + where + " is owned by "
                    + ownerName(p, owner) + ", neither root nor the user running dlv-audit (uid " + uid
                    + "), who could make dlv-audit run their code. Fix: chown root " + p);
        }
    }

    private static String octal(int mode) {
        return String.format("%04o", mode & 07777);
    }

    private static String ownerName(Path p, int owner) {
        try {
            return Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).getName() + " (uid " + owner + ")";
        } catch (IOException e) {
            return "uid " + owner;
        }
    }
}
