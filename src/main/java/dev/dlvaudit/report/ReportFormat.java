package dev.dlvaudit.report;

/** The report formats, named as on the command line. */
public enum ReportFormat {
    text, json, junit, prometheus, markdown, html;

    /** The writer for this format; {@code color} matters only to text. */
    public ReportWriter writer(boolean color) {
        return writer(color, JunitReport.WarnAs.failure);
    }

    /** The writer for this format; {@code warnAs} says how JUnit shows a WARN. */
    public ReportWriter writer(boolean color, JunitReport.WarnAs warnAs) {
        switch (this) {
            case text: return new TextReport(color);
            case json: return new JsonReport();
            case junit: return new JunitReport(warnAs);
            case prometheus: return new PrometheusReport();
            case markdown: return new MarkdownReport();
            case html: return new HtmlReport();
            default: throw new AssertionError(this);
        }
    }
}
