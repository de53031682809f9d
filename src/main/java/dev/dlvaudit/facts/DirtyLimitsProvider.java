package dev.dlvaudit.facts;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.FactProvider;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.host.HostFiles;
import dev.dlvaudit.host.DirtyLimits;
import dev.dlvaudit.host.Meminfo;

public final class DirtyLimitsProvider implements FactProvider<DirtyLimits> {
    @Override
    public Class<DirtyLimits> type() {
        return DirtyLimits.class;
    }

    @Override
    public Scope scope() {
        return Scope.HOST;
    }

    @Override
    public DirtyLimits read(CheckContext context) {
        HostFiles files = context.fact(HostFiles.class);
        return DirtyLimits.read(files, context.fact(Meminfo.class));
    }
}
