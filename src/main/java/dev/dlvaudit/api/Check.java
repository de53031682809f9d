package dev.dlvaudit.api;

import java.util.List;

/**
 * One rule of the audit. Implementations are small, stateless classes annotated with
 * {@link CheckSpec} and listed in {@code META-INF/services/dev.dlvaudit.api.Check}.
 *
 * <p>A check reads facts from the context and says what it saw. It does not print, exit,
 * or decide the gate; the engine does that. If it cannot read what it needs it throws
 * (usually {@link FactException}) or returns {@link Finding#error}; the engine turns an
 * exception into an ERROR result carrying the message, so "could not tell" never passes.
 */
public interface Check {

    /** Evaluates the check; returns at least one finding. */
    List<Finding> evaluate(CheckContext context) throws Exception;

    /** The metadata from this class's {@link CheckSpec}. */
    default CheckSpec spec() {
        CheckSpec spec = getClass().getAnnotation(CheckSpec.class);
        if (spec == null) {
            throw new IllegalStateException(getClass().getName() + " has no @CheckSpec annotation");
        }
        return spec;
    }
}
