package dev.dlvaudit.api;

/** The state of one result, from best to worst for the gate (WAIVED, SKIP and INFO never trip it). */
public enum Status {
    PASS, INFO, SKIP, WAIVED, WARN, FAIL, ERROR;

    /** The symbol printed next to the word, so a report reads without colour. */
    public String symbol() {
        switch (this) {
            case PASS: return "✓";
            case WARN: return "!";
            case FAIL: return "✗";
            case INFO: return "i";
            case SKIP: return "-";
            case ERROR: return "?";
            case WAIVED: return "~";
            default: throw new AssertionError(this);
        }
    }
}
