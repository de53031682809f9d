package dev.dlvaudit.api;

/**
 * Reads one kind of fact. Providers are found through {@code ServiceLoader}; the engine calls
 * {@link #read} at most once per run for host facts and once per target for database facts,
 * only when a check asks, and caches the value or the exception. A plugin's provider must read a
 * type the plugin itself defines.
 *
 * @param <T> the fact type, an immutable value (usually a record)
 */
public interface FactProvider<T> {

    Class<T> type();

    /** HOST facts are read once; DATABASE facts once per target. */
    Scope scope();

    /** Reads the fact. {@code context.fact(...)} may be used to build on other facts. */
    T read(CheckContext context) throws Exception;
}
