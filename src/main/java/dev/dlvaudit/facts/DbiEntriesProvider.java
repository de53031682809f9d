package dev.dlvaudit.facts;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.FactException;
import dev.dlvaudit.api.FactProvider;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.db.DatabaseFacts;
import dev.dlvaudit.db.DbiEntries;
import dev.dlvaudit.db.DirectoryDbiEntries;
import dev.dlvaudit.db.WalkState;

/**
 * Key/value access to the target's named DBIs, for the Datalevin layer. A
 * {@link FactException} naming the file and the problem when the page-level facts could not be read.
 */
public final class DbiEntriesProvider implements FactProvider<DbiEntries> {
    @Override
    public Class<DbiEntries> type() {
        return DbiEntries.class;
    }

    @Override
    public Scope scope() {
        return Scope.DATABASE;
    }

    @Override
    public DbiEntries read(CheckContext context) {
        DatabaseFacts facts = context.fact(DatabaseFacts.class);
        if (facts.walkState() != WalkState.COMPLETE) {
            String why = !facts.problems().isEmpty() ? facts.problems().get(0).message()
                    : facts.input() + ": " + (facts.walkNote() != null ? facts.walkNote() : "page-level facts not available");
            throw new FactException(why);
        }
        return new DirectoryDbiEntries(facts.input());
    }
}
