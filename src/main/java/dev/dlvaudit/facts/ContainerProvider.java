package dev.dlvaudit.facts;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.FactProvider;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.host.Container;
import dev.dlvaudit.host.HostFiles;

public final class ContainerProvider implements FactProvider<Container> {
    @Override
    public Class<Container> type() {
        return Container.class;
    }

    @Override
    public Scope scope() {
        return Scope.HOST;
    }

    @Override
    public Container read(CheckContext context) {
        return Container.detect(context.fact(HostFiles.class));
    }
}
