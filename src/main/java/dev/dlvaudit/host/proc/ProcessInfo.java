package dev.dlvaudit.host.proc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.dlvaudit.host.CgroupMemory;

/**
 * A process that maps a database's data file.
 *
 * @param mappedBytes the size of its mapping(s) of the data file (the map size it opened with)
 * @param residentBytes how much of that mapping is resident in RAM ({@code Rss:} of that mapping in smaps)
 * @param cgroup the process's memory cgroup: limit and OOM kills, if known
 */
public record ProcessInfo(int pid, int uid, String user, String comm, List<String> args, long rssBytes,
                          long mappedBytes, long residentBytes, long minorFaults, long majorFaults,
                          Limits limits, Optional<JvmHeap> jvm, Optional<CgroupMemory> cgroup) {

    /** The command line as one string, or the comm in brackets when there is none. */
    public String command() {
        return args.isEmpty() ? "[" + comm + "]" : String.join(" ", args);
    }

    /** How reports name it: {@code pid 123 (java)}. */
    public String label() {
        return "pid " + pid + " (" + comm + ")";
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", pid);
        m.put("user", user);
        m.put("command", command());
        m.put("rss_bytes", rssBytes);
        m.put("mapped_bytes", mappedBytes);
        m.put("resident_bytes", residentBytes);
        m.put("minor_faults", minorFaults);
        m.put("major_faults", majorFaults);
        limits.addressSpace().ifPresent(l -> m.put("max_address_space", l.softText()));
        limits.fileSize().ifPresent(l -> m.put("max_file_size", l.softText()));
        limits.openFiles().ifPresent(l -> m.put("max_open_files", l.softText()));
        jvm.ifPresent(j -> m.put("jvm_heap", j.source()));
        cgroup.ifPresent(c -> {
            m.put("cgroup", c.path());
            if (c.limitBytes().isPresent()) {
                m.put("cgroup_memory_limit_bytes", c.limitBytes().getAsLong());
            }
            if (c.oomKills().isPresent()) {
                m.put("cgroup_oom_kills", c.oomKills().getAsLong());
            }
        });
        return m;
    }
}
