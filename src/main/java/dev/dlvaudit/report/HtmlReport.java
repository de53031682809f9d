package dev.dlvaudit.report;

import dev.dlvaudit.api.Status;
import dev.dlvaudit.engine.AuditRun;
import dev.dlvaudit.engine.Comparison;
import dev.dlvaudit.engine.Result;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained HTML compliance report: inline CSS, no scripts, no external assets, readable
 * when printed (every state is a word as well as a colour).
 */
public final class HtmlReport implements ReportWriter {
    private static final String CSS = String.join("\n",
            "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em auto;max-width:72em;"
                    + "padding:0 1em;color:#1d1d1f;line-height:1.4}",
            "h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ccc}",
            ".meta{color:#555}table{border-collapse:collapse;width:100%;margin:.5em 0}",
            "th,td{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}",
            "th{background:#f3f3f3}code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.92em}",
            ".st,.id{font-weight:bold;white-space:nowrap}.id{font-weight:normal}",
            ".PASS{color:#1a7f37}.WARN{color:#9a6700}.FAIL,.ERROR{color:#cf222e}.INFO{color:#0969da}",
            ".SKIP{color:#6e7781}.WAIVED{color:#8250df}",
            "tr.r-FAIL td,tr.r-ERROR td{background:#fff0f0}tr.r-WARN td{background:#fff8e5}",
            "dl{margin:.3em 0 .2em;display:grid;grid-template-columns:max-content 1fr;gap:.1em 1em}",
            "dt{color:#555}dd{margin:0;overflow-wrap:anywhere}",
            ".gate-tripped{color:#cf222e}.gate-passed{color:#1a7f37}",
            ".change{font-size:.85em;padding:0 .3em;border:1px solid #999;border-radius:3px}",
            "@media print{body{margin:0;max-width:none;font-size:10pt}tr{page-break-inside:avoid}"
                    + "h2{page-break-after:avoid}tr.r-FAIL td,tr.r-ERROR td,tr.r-WARN td,th{background:none}"
                    + "a{color:inherit;text-decoration:none}}");

    @Override
    public void write(AuditRun run, PrintWriter out) {
        out.println("<!DOCTYPE html>");
        out.println("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        out.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        out.println("<title>" + e("dlv-audit report: " + run.hostname()) + "</title>");
        out.println("<style>\n" + CSS + "\n</style></head><body>");
        out.println("<h1>dlv-audit report: " + e(run.hostname()) + "</h1>");
        out.println("<p class=\"meta\">dlv-audit " + e(run.toolVersion()) + ", started " + e(run.started().toString())
                + ", took " + String.format(Locale.ROOT, "%.1f s", run.duration().toMillis() / 1000.0) + ".<br>"
                + e(TextReport.environmentLine(run.environment()).replaceAll("\\s+", " ")) + "</p>");
        summary(run, out);
        if (run.comparison() != null) {
            baseline(run, out);
        }
        boolean withChange = run.comparison() != null;
        for (Map.Entry<String, List<Result>> group : TextReport.groups(run.results()).entrySet()) {
            Result first = group.getValue().get(0);
            out.println("<h2>" + e(Areas.name(first.area()) + " (" + first.area() + ")") + " — <code>"
                    + e(first.target()) + "</code></h2>");
            out.println("<table><thead><tr><th>State</th><th>Check</th>" + (withChange ? "<th>Since baseline</th>" : "")
                    + "<th>Result</th></tr></thead><tbody>");
            for (Result r : group.getValue()) {
                row(run, r, withChange, out);
            }
            out.println("</tbody></table>");
        }
        out.println("</body></html>");
    }

    private static void summary(AuditRun run, PrintWriter out) {
        out.println("<h2>Summary</h2>");
        out.println("<p class=\"gate-" + (run.gateTripped() ? "tripped" : "passed") + "\"><strong>Gate "
                + (run.gateTripped() ? "tripped" : "passed") + "</strong> (--fail-on "
                + run.failOn().name().toLowerCase(Locale.ROOT) + ")</p>");
        out.println("<table><thead><tr>");
        for (Status s : run.counts().keySet()) {
            out.print("<th class=\"" + s + "\">" + s + "</th>");
        }
        out.println("</tr></thead><tbody><tr>");
        for (int n : run.counts().values()) {
            out.print("<td>" + n + "</td>");
        }
        out.println("</tr></tbody></table>");
    }

    private static void baseline(AuditRun run, PrintWriter out) {
        Comparison c = run.comparison();
        out.println("<h2>Since the baseline</h2>");
        out.println("<p>Baseline <code>" + e(c.baseline().source()) + "</code>"
                + (c.baseline().started().isEmpty() ? "" : " (run of " + e(c.baseline().started()) + ")") + ": "
                + String.join(", ", c.counts(run.results()).entrySet().stream()
                        .map(x -> x.getValue() + " " + x.getKey().label()).toList()) + ".</p>");
        if (!c.fixed().isEmpty()) {
            out.println("<p>Fixed:</p><ul>");
            for (Comparison.Fixed f : c.fixed()) {
                out.println("<li>" + e(Describe.fixed(f)) + "</li>");
            }
            out.println("</ul>");
        }
    }

    private static void row(AuditRun run, Result r, boolean withChange, PrintWriter out) {
        out.print("<tr class=\"r-" + r.status() + "\"><td class=\"st " + r.status() + "\">" + e(r.status().symbol())
                + " " + r.status() + "</td><td class=\"id\"><code>" + e(Describe.name(r)) + "</code></td>");
        if (withChange) {
            out.print("<td><span class=\"change\">" + e(Describe.change(run, r)) + "</span></td>");
        }
        out.print("<td>" + e(r.message()));
        if (r.waiver() != null) {
            out.print("<br><span class=\"WAIVED\">" + e(Describe.waiver(r.waiver())) + "</span>");
        }
        if (r.status() != Status.PASS && r.status() != Status.SKIP) {
            out.print("<dl>");
            item(out, "observed", r.observed());
            item(out, "expected", r.expected());
            item(out, "evidence", r.evidence());
            if (r.status() != Status.INFO) {
                item(out, "fix", r.fix());
            }
            out.print("</dl>");
        }
        out.println("</td></tr>");
    }

    private static void item(PrintWriter out, String name, String value) {
        if (value != null && !value.isEmpty()) {
            out.print("<dt>" + name + "</dt><dd>" + ("fix".equals(name) || "evidence".equals(name)
                    ? "<code>" + e(value) + "</code>" : e(value)) + "</dd>");
        }
    }

    private static String e(String s) {
        return Markup.esc(s);
    }
}
