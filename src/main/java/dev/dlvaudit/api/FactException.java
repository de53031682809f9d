package dev.dlvaudit.api;

/**
 * A fact that should be readable could not be read, or was malformed. The message names the
 * file (or process, or option) and what was wrong; the engine reports it as an ERROR result.
 */
public class FactException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FactException(String message) {
        super(message);
    }

    public FactException(String message, Throwable cause) {
        super(message, cause);
    }
}
