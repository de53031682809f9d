package dev.dlvaudit.facts;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.FactProvider;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.host.HostFiles;
import dev.dlvaudit.host.TransparentHugePages;

public final class TransparentHugePagesProvider implements FactProvider<TransparentHugePages> {
    @Override
    public Class<TransparentHugePages> type() {
        return TransparentHugePages.class;
    }

    @Override
    public Scope scope() {
        return Scope.HOST;
    }

    @Override
    public TransparentHugePages read(CheckContext context) {
        HostFiles files = context.fact(HostFiles.class);
        return TransparentHugePages.read(files);
    }
}
