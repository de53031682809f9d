package dev.dlvaudit.facts;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.FactException;
import dev.dlvaudit.api.FactProvider;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.db.DatabaseFacts;
import dev.dlvaudit.db.DatabaseReader;

/**
 * The reader's facts of the target's database. Damage is in {@link DatabaseFacts#problems()}, not an
 * exception, so checks can FAIL with the surviving meta's numbers; only a target without a database
 * directory is a {@link FactException}.
 */
public final class DatabaseFactsProvider implements FactProvider<DatabaseFacts> {
    @Override
    public Class<DatabaseFacts> type() {
        return DatabaseFacts.class;
    }

    @Override
    public Scope scope() {
        return Scope.DATABASE;
    }

    @Override
    public DatabaseFacts read(CheckContext context) {
        return DatabaseReader.read(context.databaseDirectory().orElseThrow(() -> new FactException(
                "the target " + context.target().map(Object::toString).orElse("(none)")
                        + " has no database directory (an options file alone)")));
    }
}
