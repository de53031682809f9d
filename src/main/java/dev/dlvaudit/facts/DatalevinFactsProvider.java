package dev.dlvaudit.facts;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.FactException;
import dev.dlvaudit.api.FactProvider;
import dev.dlvaudit.api.Scope;
import java.nio.file.Files;
import java.nio.file.Path;

public final class DatalevinFactsProvider implements FactProvider<DatalevinFacts> {
    @Override
    public Class<DatalevinFacts> type() {
        return DatalevinFacts.class;
    }

    @Override
    public Scope scope() {
        return Scope.DATABASE;
    }

    @Override
    public DatalevinFacts read(CheckContext context) throws Exception {
        Path dir = context.databaseDirectory()
                .orElseThrow(() -> new FactException("no database directory: the target is an options file alone"));
        if (!Files.isDirectory(dir)) {
            throw new FactException(dir + " is not a directory");
        }
        try {
            return DatalevinFacts.read(dir);
        } catch (IllegalStateException e) {
            throw new FactException(e.getMessage(), e);
        }
    }
}
