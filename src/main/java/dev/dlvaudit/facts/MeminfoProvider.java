package dev.dlvaudit.facts;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.FactProvider;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.host.HostFiles;
import dev.dlvaudit.host.Meminfo;

public final class MeminfoProvider implements FactProvider<Meminfo> {
    @Override
    public Class<Meminfo> type() {
        return Meminfo.class;
    }

    @Override
    public Scope scope() {
        return Scope.HOST;
    }

    @Override
    public Meminfo read(CheckContext context) {
        HostFiles files = context.fact(HostFiles.class);
        return Meminfo.read(files);
    }
}
