package dev.dlvaudit.facts;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.FactProvider;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.host.HostFiles;

/** The host's files under the host root, shared by every host fact. */
public final class HostFactsProvider implements FactProvider<HostFiles> {
    @Override
    public Class<HostFiles> type() {
        return HostFiles.class;
    }

    @Override
    public Scope scope() {
        return Scope.HOST;
    }

    @Override
    public HostFiles read(CheckContext context) {
        return new HostFiles(context.hostRoot());
    }
}
