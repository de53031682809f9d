package dev.dlvaudit.facts;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.FactProvider;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.db.DatabaseFacts;
import dev.dlvaudit.db.LockInfo;
import dev.dlvaudit.db.ReaderSlot;
import dev.dlvaudit.host.ReaderProcess;
import java.util.LinkedHashMap;
import java.util.Map;

/** Looks up every pid of the reader table under the host root's {@code /proc} (maps and locks, by inode). */
public final class ReaderProcessesProvider implements FactProvider<ReaderProcesses> {
    @Override
    public Class<ReaderProcesses> type() {
        return ReaderProcesses.class;
    }

    @Override
    public Scope scope() {
        return Scope.DATABASE;
    }

    @Override
    public ReaderProcesses read(CheckContext context) {
        DatabaseFacts facts = context.fact(DatabaseFacts.class);
        LockInfo lock = facts.lock();
        Map<Integer, ReaderProcess> out = new LinkedHashMap<>();
        for (ReaderSlot s : lock.slots()) {
            out.computeIfAbsent(s.pid(), pid -> ReaderProcess.check(context.hostRoot(), pid, facts.dataFileInode(),
                    facts.dataFileDevice(), lock.inode(), lock.device()));
        }
        return new ReaderProcesses(out);
    }
}
