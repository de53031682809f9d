package dev.dlvaudit.facts;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.FactException;
import dev.dlvaudit.api.FactProvider;
import dev.dlvaudit.api.Scope;

/** The target's map size and used bytes (stop-gap for the reader's DatabaseFacts). */
public final class DataFileMetaProvider implements FactProvider<DataFileMeta> {
    @Override
    public Class<DataFileMeta> type() {
        return DataFileMeta.class;
    }

    @Override
    public Scope scope() {
        return Scope.DATABASE;
    }

    @Override
    public DataFileMeta read(CheckContext context) {
        return DataFileMeta.read(DataFileMeta.dataFileOf(context.databaseDirectory()
                .orElseThrow(() -> new FactException("the map size needs a live database directory"))));
    }
}
