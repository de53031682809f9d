package dev.dlvaudit.facts;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.FactProvider;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.host.HostFiles;
import dev.dlvaudit.host.HostMemory;

public final class HostMemoryProvider implements FactProvider<HostMemory> {
    @Override
    public Class<HostMemory> type() {
        return HostMemory.class;
    }

    @Override
    public Scope scope() {
        return Scope.HOST;
    }

    @Override
    public HostMemory read(CheckContext context) {
        return HostMemory.read(context.fact(HostFiles.class));
    }
}
