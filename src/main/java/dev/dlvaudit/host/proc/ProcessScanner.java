package dev.dlvaudit.host.proc;

import dev.dlvaudit.host.CgroupMemory;
import dev.dlvaudit.host.HostFiles;
import dev.dlvaudit.host.HostPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the processes that map a data file by reading every {@code /proc/PID/maps} under the host
 * root, and inspects only those: smaps (resident bytes of that mapping), stat, status, cmdline,
 * limits, cgroup. A mapping matches by path, or by inode and device (paths differ inside containers).
 */
public final class ProcessScanner {
    private final HostFiles files;
    private Passwd passwd;

    public ProcessScanner(HostFiles files) {
        this.files = files;
    }

    /** The file a mapping must name. */
    record Wanted(String hostPath, String fileName, long inode, int major, int minor) {
        boolean matches(String path, String dev, long inode) {
            if (path.equals(hostPath)) {
                return true;
            }
            if (this.inode <= 0 || inode != this.inode) {
                return false;
            }
            return path.endsWith("/" + fileName) || devEquals(dev);
        }

        private boolean devEquals(String dev) {
            int colon = dev.indexOf(':');
            try {
                return colon > 0 && Integer.parseInt(dev.substring(0, colon), 16) == major
                        && Integer.parseInt(dev.substring(colon + 1), 16) == minor;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }

    public DatabaseProcesses scan(Path dataFile) {
        Wanted wanted = wanted(dataFile);
        String inodeText = wanted.inode() > 0 ? " " + wanted.inode() + " " : null;
        List<ProcessInfo> found = new ArrayList<>();
        List<Integer> denied = new ArrayList<>();
        int scanned = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(files.resolve("/proc"), ProcessScanner::isPid)) {
            for (Path dir : dirs) {
                int pid = Integer.parseInt(dir.getFileName().toString());
                String maps;
                try {
                    maps = new String(Files.readAllBytes(dir.resolve("maps")), StandardCharsets.ISO_8859_1);
                } catch (AccessDeniedException e) {
                    denied.add(pid);
                    continue;
                } catch (IOException e) {
                    continue; // exited, or a kernel thread
                }
                scanned++;
                if (!maps.contains(wanted.fileName()) && (inodeText == null || !maps.contains(inodeText))) {
                    continue;
                }
                long mapped = mappedBytes(maps, wanted);
                if (mapped < 0) {
                    continue;
                }
                ProcessInfo info = inspect(dir, pid, mapped, wanted);
                if (info != null) {
                    found.add(info);
                }
            }
        } catch (IOException e) {
            throw new dev.dlvaudit.api.FactException(files.resolve("/proc") + ": cannot list processes: " + e.getMessage());
        }
        found.sort(java.util.Comparator.comparingInt(ProcessInfo::pid));
        denied.sort(null);
        return new DatabaseProcesses(wanted.hostPath(), scanned, List.copyOf(found), List.copyOf(denied));
    }

    private Wanted wanted(Path dataFile) {
        String hostPath = HostPath.onHost(files, dataFile);
        Path real = HostPath.real(dataFile);
        long inode = 0;
        int major = -1;
        int minor = -1;
        try {
            inode = ((Number) Files.getAttribute(real, "unix:ino")).longValue();
            long dev = ((Number) Files.getAttribute(real, "unix:dev")).longValue();
            major = (int) (((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL));
            minor = (int) ((dev & 0xff) | ((dev >>> 12) & ~0xffL));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            // match by path alone
        }
        return new Wanted(hostPath, real.getFileName().toString(), inode, major, minor);
    }

    private static boolean isPid(Path p) {
        String name = p.getFileName().toString();
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Total size of the matching mappings, or -1 when none matches. */
    static long mappedBytes(String maps, Wanted wanted) {
        long total = -1;
        for (String line : maps.split("\n")) {
            MapsLine m = MapsLine.parse(line);
            if (m != null && wanted.matches(m.path(), m.dev(), m.inode())) {
                total = Math.max(total, 0) + m.size();
            }
        }
        return total;
    }

    /** The resident bytes of the matching mappings, from their {@code Rss:} lines in smaps. */
    static long residentBytes(String smaps, Wanted wanted) {
        long total = 0;
        boolean inMatch = false;
        for (String line : smaps.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            char c = line.charAt(0);
            if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) {
                MapsLine m = MapsLine.parse(line);
                inMatch = m != null && wanted.matches(m.path(), m.dev(), m.inode());
            } else if (inMatch && line.startsWith("Rss:")) {
                total += kib(line) * 1024;
            }
        }
        return total;
    }

    private ProcessInfo inspect(Path dir, int pid, long mapped, Wanted wanted) {
        try {
            long resident = residentBytes(read(dir.resolve("smaps")), wanted);
            String stat = read(dir.resolve("stat"));
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            long minflt = Long.parseLong(after[7]);
            long majflt = Long.parseLong(after[9]);
            int uid = -1;
            long rss = 0;
            for (String line : read(dir.resolve("status")).split("\n")) {
                if (line.startsWith("Uid:")) {
                    uid = Integer.parseInt(line.substring(4).trim().split("\\s+")[0]);
                } else if (line.startsWith("VmRSS:")) {
                    rss = kib(line) * 1024;
                }
            }
            String comm = readOptional(dir.resolve("comm")).orElse("?").trim();
            List<String> args = new ArrayList<>();
            for (String a : readOptional(dir.resolve("cmdline")).orElse("").split("\0")) {
                if (!a.isEmpty()) {
                    args.add(a);
                }
            }
            Limits limits = Limits.parse(readOptional(dir.resolve("limits")).orElse(""));
            if (passwd == null) {
                passwd = new Passwd(files);
            }
            return new ProcessInfo(pid, uid, passwd.name(uid), comm, List.copyOf(args), rss, mapped, resident,
                    minflt, majflt, limits, JvmHeap.of(args, comm),
                    CgroupMemory.of(files, Integer.toString(pid)));
        } catch (IOException | RuntimeException e) {
            return null; // exited while being read
        }
    }

    private static long kib(String line) {
        String[] f = line.substring(line.indexOf(':') + 1).trim().split("\\s+");
        return Long.parseLong(f[0]);
    }

    private static String read(Path p) throws IOException {
        return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
    }

    private static Optional<String> readOptional(Path p) {
        try {
            return Optional.of(read(p));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** One mapping: {@code start-end perms offset dev inode path}. */
    record MapsLine(long size, String dev, long inode, String path) {
        static MapsLine parse(String line) {
            String[] f = new String[5];
            int i = 0;
            int n = line.length();
            for (int k = 0; k < 5; k++) {
                while (i < n && line.charAt(i) == ' ') {
                    i++;
                }
                int start = i;
                while (i < n && line.charAt(i) != ' ') {
                    i++;
                }
                if (start == i) {
                    return null;
                }
                f[k] = line.substring(start, i);
            }
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            String path = line.substring(i);
            if (path.endsWith(" (deleted)")) {
                path = path.substring(0, path.length() - 10);
            }
            int dash = f[0].indexOf('-');
            try {
                long size = Long.parseUnsignedLong(f[0].substring(dash + 1), 16) - Long.parseUnsignedLong(f[0].substring(0, dash), 16);
                return new MapsLine(size, f[3], Long.parseLong(f[4]), path);
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
