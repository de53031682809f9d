package dev.dlvaudit.host.proc;

import java.util.List;

/**
 * The processes that map a database's data file.
 *
 * @param dataFile the data file as the host names it
 * @param scanned how many processes' maps were read
 * @param denied pids whose maps could not be read (permission): they may map the file unseen
 */
public record DatabaseProcesses(String dataFile, int scanned, List<ProcessInfo> processes, List<Integer> denied) {

    /** The largest resident part of the data file in any one process: the hot set. */
    public long residentBytes() {
        return processes.stream().mapToLong(ProcessInfo::residentBytes).max().orElse(0);
    }

    /** A sentence for a report when no process was found. */
    public String noneFound() {
        return "no process has this database open (" + scanned + " processes' maps read"
                + (denied.isEmpty() ? "" : "; " + denied.size() + " could not be read: run as root to see them") + ")";
    }
}
