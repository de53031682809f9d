package dev.dlvaudit.facts;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.FactProvider;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.host.HostFiles;
import dev.dlvaudit.host.PersistedSysctls;

public final class PersistedSysctlsProvider implements FactProvider<PersistedSysctls> {
    @Override
    public Class<PersistedSysctls> type() {
        return PersistedSysctls.class;
    }

    @Override
    public Scope scope() {
        return Scope.HOST;
    }

    @Override
    public PersistedSysctls read(CheckContext context) {
        HostFiles files = context.fact(HostFiles.class);
        return PersistedSysctls.read(files);
    }
}
