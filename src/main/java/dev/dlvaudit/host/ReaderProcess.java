package dev.dlvaudit.host;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether the process in a reader slot is alive: {@code /proc/PID} exists under the host root AND it
 * maps the database's data file ({@code /proc/PID/maps}, by inode) or holds an fcntl lock on its lock
 * file ({@code /proc/locks}, by inode). A pid whose process maps neither was reused by an unrelated
 * process: the slot is stale.
 *
 * @param state    alive, stale (no such process), reused (a process that does not use this database),
 *                 or unknown (the process exists but its maps could not be read and it holds no lock)
 * @param command  {@code /proc/PID/comm}, when readable
 * @param evidence how the state was decided
 */
public record ReaderProcess(int pid, State state, Optional<String> command, String evidence) {

    public enum State {
        ALIVE, STALE, REUSED, UNKNOWN;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Stale or reused: the slot's process no longer reads this database. */
        public boolean stale() {
            return this == STALE || this == REUSED;
        }
    }

    /**
     * Checks {@code pid} under {@code hostRoot}. {@code dataInode}/{@code lockInode} are the inodes
     * of data.mdb and lock.mdb (-1 when unknown), {@code dataDev}/{@code lockDev} their {@code st_dev}.
     */
    public static ReaderProcess check(Path hostRoot, int pid, long dataInode, long dataDev, long lockInode, long lockDev) {
        HostFiles host = new HostFiles(hostRoot);
        if (pid <= 0 || !Files.isDirectory(host.resolve("/proc/" + pid))) {
            return new ReaderProcess(pid, State.STALE, Optional.empty(), "no process " + pid + " in "
                    + host.resolve("/proc"));
        }
        Optional<String> comm = readSmall(host.resolve("/proc/" + pid + "/comm")).map(String::trim);
        if (lockInode >= 0 && holdsLock(host.resolve("/proc/locks"), pid, lockInode, lockDev)) {
            return new ReaderProcess(pid, State.ALIVE, comm, "holds an fcntl lock on the lock file (/proc/locks)");
        }
        Path maps = host.resolve("/proc/" + pid + "/maps");
        try (BufferedReader r = Files.newBufferedReader(maps, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (dataInode >= 0 && mapsInode(line, dataInode, dataDev)) {
                    return new ReaderProcess(pid, State.ALIVE, comm, "maps the data file (/proc/" + pid + "/maps)");
                }
            }
        } catch (IOException e) {
            return new ReaderProcess(pid, State.UNKNOWN, comm, "process " + pid + " exists but " + maps
                    + " is not readable (" + e.getClass().getSimpleName() + ") and it holds no lock on the lock file");
        }
        return new ReaderProcess(pid, State.REUSED, comm, "process " + pid + " exists but neither maps the data file"
                + " nor locks the lock file: the pid was reused");
    }

    /** A {@code /proc/PID/maps} line: {@code addr perms offset maj:min inode path}. */
    static boolean mapsInode(String line, long inode, long dev) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 5) {
            return false;
        }
        try {
            if (Long.parseLong(f[4]) != inode) {
                return false;
            }
        } catch (NumberFormatException e) {
            return false;
        }
        return devMatches(f[3], dev);
    }

    /** A {@code /proc/locks} line: {@code 1: POSIX ADVISORY READ pid maj:min:inode start end} ({@code ->} when blocked). */
    static boolean holdsLock(Path locks, int pid, long inode, long dev) {
        Optional<String> text = readSmall(locks);
        if (text.isEmpty()) {
            return false;
        }
        for (String line : text.get().split("\n")) {
            String[] f = line.trim().split("\\s+");
            int i = 1;
            if (f.length > i && f[i].equals("->")) {
                continue; // a waiter, not a holder
            }
            if (f.length < 6) {
                continue;
            }
            String[] id = f[5].split(":");
            try {
                if (Integer.parseInt(f[4]) == pid && id.length == 3 && Long.parseLong(id[2]) == inode
                        && devMatches(id[0] + ":" + id[1], dev)) {
                    return true;
                }
            } catch (NumberFormatException e) {
                // not a lock line
            }
        }
        return false;
    }

    /** {@code maj:min} in hex against Linux's {@code st_dev} encoding; unknown dev (-1) matches anything. */
    static boolean devMatches(String majMin, long dev) {
        if (dev < 0) {
            return true;
        }
        String[] mm = majMin.split(":");
        if (mm.length != 2) {
            return false;
        }
        try {
            long major = ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
            long minor = (dev & 0xff) | ((dev >>> 12) & ~0xffL);
            return Long.parseLong(mm[0], 16) == major && Long.parseLong(mm[1], 16) == minor;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Optional<String> readSmall(Path p) {
        try {
            return Optional.of(Files.readString(p, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
