package dev.dlvaudit.host.storage;

import dev.dlvaudit.api.FactException;
import dev.dlvaudit.host.HostFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mount table from {@code mountinfo}: the host's (PID 1's) under a host root, our own otherwise.
 *
 * @param source the file read
 */
public record MountTable(Path source, List<Mount> mounts) {

    public static MountTable read(HostFiles files) {
        boolean underRoot = !files.root().toString().equals("/");
        String path = underRoot && files.exists("/proc/1/mountinfo") ? "/proc/1/mountinfo" : "/proc/self/mountinfo";
        return parse(files.resolve(path), files.read(path));
    }

    public static MountTable parse(Path source, String text) {
        List<Mount> mounts = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            // id parent maj:min root mountpoint options [optional fields...] - fstype source superoptions
            String[] f = line.split(" ");
            int dash = -1;
            for (int j = 6; j < f.length; j++) {
                if (f[j].equals("-")) {
                    dash = j;
                    break;
                }
            }
            if (f.length < 7 || dash < 0 || dash + 1 >= f.length || !f[2].contains(":")) {
                throw new FactException(source + ": line " + (i + 1) + " is not a mountinfo line: '" + line + "'");
            }
            String fsType = unescape(f[dash + 1]);
            String mountSource = dash + 2 < f.length ? unescape(f[dash + 2]) : "";
            String superOptions = dash + 3 < f.length ? f[dash + 3] : "";
            mounts.add(new Mount(f[2], unescape(f[3]), unescape(f[4]), f[5], fsType, mountSource, superOptions));
        }
        return new MountTable(source, List.copyOf(mounts));
    }

    /** The mount holding a host path: the longest matching mount point, the later one when mounted over. */
    public Optional<Mount> find(String hostPath) {
        Mount best = null;
        for (Mount m : mounts) {
            if (m.covers(hostPath) && (best == null || m.mountPoint().length() >= best.mountPoint().length())) {
                best = m;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The kernel writes space, tab, newline and backslash in paths as octal escapes ({@code \040}). */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && isOctal(s, i + 1)) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
