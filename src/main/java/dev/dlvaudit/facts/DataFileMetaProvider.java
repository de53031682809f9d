package dev.dlvaudit.facts;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.FactException;
import dev.dlvaudit.api.FactProvider;
import dev.dlvaudit.api.Scope;

/** The target's map size and used bytes (from the reader's DatabaseFacts). */
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
        if (context.databaseDirectory().isEmpty()) {
            throw new FactException("the map size needs a live database directory");
        }
        return DataFileMeta.from(context.fact(dev.dlvaudit.db.DatabaseFacts.class));
    }
}
