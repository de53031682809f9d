package dev.dlvaudit.engine;

import dev.dlvaudit.api.FactProvider;
import java.nio.file.Path;
import java.util.List;

/** What the check directories added: the catalog (built-in and plugin checks), plugin fact providers, the jars. */
public record Plugins(CheckCatalog catalog, List<FactProvider<?>> factProviders, List<Path> jars) {

    /** The tool's fact providers plus the plugins'. */
    public FactStore facts(ClassLoader toolLoader) {
        FactStore store = FactStore.fromServiceLoader(toolLoader);
        for (FactProvider<?> p : factProviders) {
            store.with(p);
        }
        return store;
    }
}
