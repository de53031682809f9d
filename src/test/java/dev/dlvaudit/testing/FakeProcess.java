package dev.dlvaudit.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * A fake {@code /proc/PID} on a {@link FakeHost}: maps, smaps, stat, status, cmdline, comm,
 * limits and cgroup, written as the kernel formats them. Setters rewrite the files.
 */
public final class FakeProcess {
    private final FakeHost host;
    private final int pid;
    private String comm = "java";
    private int uid = 1000;
    private long rssKib = 2_000_000;
    private long minflt = 5000;
    private long majflt = 12;
    private final List<String[]> mappings = new ArrayList<>(); // path, sizeBytes, rssKib, inode
    private String addressSpace = "unlimited";
    private String fileSize = "unlimited";
    private String openFiles = "1048576";
    private List<String> args = List.of("/usr/bin/java", "-Xmx4g", "-jar", "app.jar");
    private String cgroup = "0::/system.slice/app.service\n";

    public FakeProcess(FakeHost host, int pid) {
        this.host = host;
        this.pid = pid;
        write();
    }

    /** Maps a file: {@code sizeBytes} of address space of which {@code residentKib} are resident. */
    public FakeProcess maps(String path, long sizeBytes, long residentKib) {
        return maps(path, sizeBytes, residentKib, 1234567);
    }

    public FakeProcess maps(String path, long sizeBytes, long residentKib, long inode) {
        mappings.add(new String[] {path, Long.toString(sizeBytes), Long.toString(residentKib), Long.toString(inode)});
        return write();
    }

    /** Adds {@code count} shared-library mappings of 1 MiB at once (a realistic maps file, written once). */
    public FakeProcess libraries(int count) {
        for (int i = 0; i < count; i++) {
            mappings.add(new String[] {"/usr/lib/x86_64-linux-gnu/lib" + i + ".so", Long.toString(1 << 20), "100",
                Long.toString(5000 + i)});
        }
        return write();
    }

    public FakeProcess comm(String comm) {
        this.comm = comm;
        return write();
    }

    public FakeProcess uid(int uid) {
        this.uid = uid;
        return write();
    }

    public FakeProcess args(String... args) {
        this.args = List.of(args);
        return write();
    }

    public FakeProcess faults(long minflt, long majflt) {
        this.minflt = minflt;
        this.majflt = majflt;
        return write();
    }

    public FakeProcess limits(String addressSpace, String fileSize, String openFiles) {
        this.addressSpace = addressSpace;
        this.fileSize = fileSize;
        this.openFiles = openFiles;
        return write();
    }

    public FakeProcess cgroup(String text) {
        this.cgroup = text;
        return write();
    }

    private FakeProcess write() {
        String dir = "/proc/" + pid;
        StringBuilder maps = new StringBuilder();
        StringBuilder smaps = new StringBuilder();
        long addr = 0x7f0000000000L;
        String[][] libs = {{"/usr/lib/jvm/java-17/lib/server/libjvm.so", "20000000"}, {"/usr/lib/x86_64-linux-gnu/libc.so.6", "2000000"}};
        List<String[]> all = new ArrayList<>();
        for (String[] l : libs) {
            all.add(new String[] {l[0], l[1], "800", "42"});
        }
        all.addAll(mappings);
        for (String[] m : all) {
            long size = Long.parseLong(m[1]);
            String line = String.format("%012x-%012x r--s 00000000 fd:01 %s %s%s%n", addr, addr + size, m[3],
                    " ".repeat(20), m[0]);
            maps.append(line);
            smaps.append(line).append("Size:           ").append(size / 1024).append(" kB\n")
                    .append("KernelPageSize:        4 kB\n")
                    .append("Rss:            ").append(m[2]).append(" kB\n")
                    .append("Pss:            ").append(m[2]).append(" kB\n")
                    .append("VmFlags: rd sh mr mw me ms sd\n");
            addr += size + 0x1000;
        }
        host.file(dir + "/maps", maps.toString());
        host.file(dir + "/smaps", smaps.toString());
        host.file(dir + "/comm", comm + "\n");
        host.file(dir + "/cmdline", String.join("\0", args) + "\0");
        host.file(dir + "/stat", pid + " (" + comm + ") S 1 " + pid + " " + pid + " 0 -1 4194560 " + minflt + " 0 "
                + majflt + " 0 120 30 0 0 20 0 40 0 100 8000000000 500000 18446744073709551615\n");
        host.file(dir + "/status", "Name:\t" + comm + "\nUmask:\t0022\nState:\tS (sleeping)\nPid:\t" + pid
                + "\nUid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid + "\nVmRSS:\t" + rssKib + " kB\n");
        host.file(dir + "/limits", "Limit                     Soft Limit           Hard Limit           Units     \n"
                + "Max cpu time              unlimited            unlimited            seconds   \n"
                + String.format("Max file size             %-20s %-20s bytes     %n", fileSize, fileSize)
                + "Max stack size            8388608              unlimited            bytes     \n"
                + String.format("Max open files            %-20s %-20s files     %n", openFiles, openFiles)
                + String.format("Max address space         %-20s %-20s bytes     %n", addressSpace, addressSpace)
                + "Max realtime timeout      unlimited            unlimited            us        \n");
        host.file(dir + "/cgroup", cgroup);
        return this;
    }
}
