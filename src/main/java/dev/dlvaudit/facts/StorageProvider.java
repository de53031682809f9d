package dev.dlvaudit.facts;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.FactException;
import dev.dlvaudit.api.FactProvider;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.host.HostFiles;
import dev.dlvaudit.host.storage.StorageFacts;
import dev.dlvaudit.host.storage.StorageProbe;
import java.nio.file.Path;

/** Where the target database lives: mount, filesystem, block device, kind, free space. */
public final class StorageProvider implements FactProvider<StorageFacts> {
    @Override
    public Class<StorageFacts> type() {
        return StorageFacts.class;
    }

    @Override
    public Scope scope() {
        return Scope.DATABASE;
    }

    @Override
    public StorageFacts read(CheckContext context) {
        Path dir = context.databaseDirectory()
                .orElseThrow(() -> new FactException("storage facts need a live database directory"));
        return StorageProbe.probe(context.fact(HostFiles.class), dir);
    }
}
