package dev.dlvaudit.facts;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.FactProvider;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.host.HostFiles;
import dev.dlvaudit.host.NumaNodes;

public final class NumaNodesProvider implements FactProvider<NumaNodes> {
    @Override
    public Class<NumaNodes> type() {
        return NumaNodes.class;
    }

    @Override
    public Scope scope() {
        return Scope.HOST;
    }

    @Override
    public NumaNodes read(CheckContext context) {
        HostFiles files = context.fact(HostFiles.class);
        return NumaNodes.read(files);
    }
}
