package dev.dlvaudit.datalevin;

import java.util.Objects;

/**
 * A value with its provenance and the evidence behind it (a path, a DBI and key, an options
 * file and key path).
 */
public record Sourced<T>(T value, Provenance source, String evidence) {
    public Sourced {
        Objects.requireNonNull(source, "source");
        evidence = evidence == null ? "" : evidence;
    }

    /** {@code value (from source: evidence)}. */
    public String describe() {
        return Values.show(value) + " (" + source.label() + (evidence.isEmpty() ? "" : ": " + evidence) + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
