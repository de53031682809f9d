package dev.dlvaudit.facts;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.FactException;
import dev.dlvaudit.api.FactProvider;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Target;
import dev.dlvaudit.datalevin.OptionsFile;
import dev.dlvaudit.datalevin.OptionsFileException;
import java.util.Optional;

public final class OptionsFileProvider implements FactProvider<OptionsFileFacts> {
    @Override
    public Class<OptionsFileFacts> type() {
        return OptionsFileFacts.class;
    }

    @Override
    public Scope scope() {
        return Scope.DATABASE;
    }

    @Override
    public OptionsFileFacts read(CheckContext context) {
        Optional<java.nio.file.Path> file = context.target().flatMap(Target::optionsFile);
        if (file.isEmpty()) {
            return new OptionsFileFacts(Optional.empty());
        }
        try {
            return new OptionsFileFacts(Optional.of(OptionsFile.read(file.get())));
        } catch (OptionsFileException e) {
            throw new FactException(e.getMessage(), e);
        }
    }
}
