package dev.dlvaudit.facts;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.FactException;
import dev.dlvaudit.api.FactProvider;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.datalevin.StoredOptions;
import dev.dlvaudit.db.DbiEntries;

/** Reads the stored options through the database reader's {@link DbiEntries}. */
public final class StoredOptionsProvider implements FactProvider<StoredOptionsFacts> {
    @Override
    public Class<StoredOptionsFacts> type() {
        return StoredOptionsFacts.class;
    }

    @Override
    public Scope scope() {
        return Scope.DATABASE;
    }

    @Override
    public StoredOptionsFacts read(CheckContext context) throws Exception {
        if (context.databaseDirectory().isEmpty()) {
            return StoredOptionsFacts.unavailable("the target is an options file alone");
        }
        DbiEntries entries;
        try {
            entries = context.fact(DbiEntries.class);
        } catch (FactException e) {
            return StoredOptionsFacts.unavailable("the database's DBIs could not be read: " + e.getMessage());
        }
        return StoredOptionsFacts.of(StoredOptions.read(entries));
    }
}
