package dev.dlvaudit.api;

import java.util.Objects;

/**
 * What a check found: a state, a message that stands on its own, and the evidence behind it.
 * The engine adds the check id, title, severity and target.
 */
public final class Finding {
    private final Status status;
    private final String message;
    private String subject = "";
    private String observed = "";
    private String expected = "";
    private String evidence = "";
    private String fix = "";

    private Finding(Status status, String message) {
        this.status = Objects.requireNonNull(status, "status");
        this.message = Objects.requireNonNull(message, "message");
    }

    /** A finding in the given state; {@code message} reads on its own in a report. */
    public static Finding of(Status status, String message) {
        return new Finding(status, message);
    }

    /** The rule holds. */
    public static Finding pass(String message) {
        return new Finding(Status.PASS, message);
    }

    /** Worth fixing; trips the gate only with {@code --fail-on warn}. */
    public static Finding warn(String message) {
        return new Finding(Status.WARN, message);
    }

    /** The rule is violated. */
    public static Finding fail(String message) {
        return new Finding(Status.FAIL, message);
    }

    /** A fact worth reporting, without a verdict. */
    public static Finding info(String message) {
        return new Finding(Status.INFO, message);
    }

    /** Not applicable here (no such service, no database given), with the reason. */
    public static Finding skip(String reason) {
        return new Finding(Status.SKIP, reason);
    }

    /** Could not tell, with the reason (a file that should be readable is not); never a pass. */
    public static Finding error(String reason) {
        return new Finding(Status.ERROR, reason);
    }

    /** What within the target this is about, when a check reports several things (a key, a pid, a DBI). */
    public Finding subject(String subject) {
        this.subject = text(subject);
        return this;
    }

    /** What was seen: the value, with its unit. */
    public Finding observed(Object observed) {
        this.observed = text(observed);
        return this;
    }

    /** What the rule wants: the threshold or value. */
    public Finding expected(Object expected) {
        this.expected = text(expected);
        return this;
    }

    /** Where the observed value came from: a path, a pid, a DBI, an options file. */
    public Finding evidence(Object evidence) {
        this.evidence = text(evidence);
        return this;
    }

    /** The exact fix: the runtime command and the persistent setting. */
    public Finding fix(String fix) {
        this.fix = text(fix);
        return this;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    public Status status() { return status; }
    public String message() { return message; }
    public String subject() { return subject; }
    public String observed() { return observed; }
    public String expected() { return expected; }
    public String evidence() { return evidence; }
    public String fix() { return fix; }

    @Override
    public String toString() {
        return status + " " + message + (observed.isEmpty() ? "" : " [observed " + observed + "]");
    }
}
