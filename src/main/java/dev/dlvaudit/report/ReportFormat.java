package dev.dlvaudit.report;

/** The report formats, named as on the command line. */
public enum ReportFormat {
    text, json;

    /** The writer for this format; {@code color} matters only to text. */
    public ReportWriter writer(boolean color) {
        switch (this) {
            case text: return new TextReport(color);
            case json: return new JsonReport();
            default: throw new AssertionError(this);
        }
    }
}
