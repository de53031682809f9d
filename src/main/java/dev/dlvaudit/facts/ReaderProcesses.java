package dev.dlvaudit.facts;

import dev.dlvaudit.host.ReaderProcess;
import java.util.Map;
import java.util.Optional;

/** For each pid in the target's reader table, whether its process still reads this database. */
public record ReaderProcesses(Map<Integer, ReaderProcess> byPid) {

    public ReaderProcesses {
        byPid = Map.copyOf(byPid);
    }

    public Optional<ReaderProcess> of(int pid) {
        return Optional.ofNullable(byPid.get(pid));
    }
}
