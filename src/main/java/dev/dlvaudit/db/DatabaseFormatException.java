package dev.dlvaudit.db;

import java.io.IOException;

/**
 * A database file could not be read as LMDB/DLMDB: the message names the file and what is wrong
 * (e.g. "truncated: page 62 lies beyond the end of the file (size 256123)").
 */
public class DatabaseFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final Problem problem;

    public DatabaseFormatException(Problem problem) {
        super(problem.message());
        this.problem = problem;
    }

    public DatabaseFormatException(Problem.Kind kind, java.nio.file.Path file, String what) {
        this(Problem.of(kind, file, what));
    }

    /** The problem as data, for the fact's problem list. */
    public Problem problem() {
        return problem;
    }
}
