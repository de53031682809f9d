package dev.dlvaudit.facts;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.FactException;
import dev.dlvaudit.api.FactProvider;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.host.HostFiles;
import dev.dlvaudit.host.proc.DatabaseProcesses;
import dev.dlvaudit.host.proc.ProcessScanner;

/** The processes that map the target's data file. */
public final class DatabaseProcessesProvider implements FactProvider<DatabaseProcesses> {
    @Override
    public Class<DatabaseProcesses> type() {
        return DatabaseProcesses.class;
    }

    @Override
    public Scope scope() {
        return Scope.DATABASE;
    }

    @Override
    public DatabaseProcesses read(CheckContext context) {
        return new ProcessScanner(context.fact(HostFiles.class)).scan(DataFileMeta.dataFileOf(context.databaseDirectory()
                .orElseThrow(() -> new FactException("process discovery needs a live database directory"))));
    }
}
