package dev.dlvaudit.facts;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.FactException;
import dev.dlvaudit.api.FactProvider;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.db.DatabaseFacts;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@link DatalevinFacts} of the target's directory, on top of the reader's {@link DatabaseFacts}. */
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
        if (Files.isRegularFile(dir)) {
            return DatalevinFacts.noSubdirFile(dir);
        }
        if (!Files.isDirectory(dir)) {
            throw new FactException(dir + ": no such directory");
        }
        try {
            return DatalevinFacts.read(dir, context.fact(DatabaseFacts.class));
        } catch (IllegalStateException e) {
            throw new FactException(e.getMessage(), e);
        }
    }
}
