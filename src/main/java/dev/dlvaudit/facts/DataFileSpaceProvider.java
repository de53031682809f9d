package dev.dlvaudit.facts;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.FactException;
import dev.dlvaudit.api.FactProvider;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.db.DatabaseFacts;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;

/** Free space of the filesystem holding the target's data file (a statvfs; nothing is opened for writing). */
public final class DataFileSpaceProvider implements FactProvider<DataFileSpace> {
    @Override
    public Class<DataFileSpace> type() {
        return DataFileSpace.class;
    }

    @Override
    public Scope scope() {
        return Scope.DATABASE;
    }

    @Override
    public DataFileSpace read(CheckContext context) {
        DatabaseFacts facts = context.fact(DatabaseFacts.class);
        if (facts.dataFile() == null) {
            throw new FactException(facts.input() + ": no data file located, so no filesystem to measure");
        }
        try {
            FileStore store = Files.getFileStore(facts.dataFile());
            return new DataFileSpace(facts.dataFile(), store.name() + " (" + store.type() + ")", store.getUsableSpace());
        } catch (IOException e) {
            throw new FactException(facts.dataFile() + ": cannot read the free space of its filesystem: " + e.getMessage(), e);
        }
    }
}
