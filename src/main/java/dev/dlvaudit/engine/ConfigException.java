package dev.dlvaudit.engine;

/** A usage or configuration error found before auditing (exit 2): names the option or file and what is wrong. */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
