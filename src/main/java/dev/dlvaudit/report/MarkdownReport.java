package dev.dlvaudit.report;

import dev.dlvaudit.api.Status;
import dev.dlvaudit.engine.AuditRun;
import dev.dlvaudit.engine.Comparison;
import dev.dlvaudit.engine.Result;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A compliance report in Markdown (GitHub/GitLab flavour): summary, a table per target and area, details. */
public final class MarkdownReport implements ReportWriter {

    @Override
    public void write(AuditRun run, PrintWriter out) {
        out.println("# dlv-audit report: " + inline(run.hostname()));
        out.println();
        out.println("dlv-audit " + inline(run.toolVersion()) + ", started " + run.started() + ", took "
                + String.format(Locale.ROOT, "%.1f s", run.duration().toMillis() / 1000.0) + ".");
        out.println();
        out.println(inline(TextReport.environmentLine(run.environment()).replaceAll("\\s+", " ")));
        out.println();
        out.println("## Summary");
        out.println();
        out.println("| state | results |");
        out.println("|---|---|");
        run.counts().forEach((s, n) -> out.println("| " + s + " | " + n + " |"));
        out.println();
        out.println("**Gate: " + (run.gateTripped() ? "tripped" : "passed") + "** (`--fail-on "
                + run.failOn().name().toLowerCase(Locale.ROOT) + "`)");
        if (run.comparison() != null) {
            out.println();
            out.println("## Since the baseline");
            out.println();
            out.println("Baseline: `" + inline(run.comparison().baseline().source()) + "`"
                    + (run.comparison().baseline().started().isEmpty() ? "" : " (run of "
                    + inline(run.comparison().baseline().started()) + ")") + ".");
            out.println();
            run.comparison().counts(run.results()).forEach((c, n) -> out.println("- " + c.label() + ": " + n));
            List<Comparison.Fixed> fixed = run.comparison().fixed();
            if (!fixed.isEmpty()) {
                out.println();
                out.println("Fixed:");
                out.println();
                for (Comparison.Fixed f : fixed) {
                    out.println("- " + inline(Describe.fixed(f)));
                }
            }
        }
        boolean baseline = run.comparison() != null;
        for (Map.Entry<String, List<Result>> group : TextReport.groups(run.results()).entrySet()) {
            Result first = group.getValue().get(0);
            out.println();
            out.println("## " + inline(Areas.name(first.area()) + " (" + first.area() + ") — " + first.target()));
            out.println();
            out.println(baseline ? "| state | check | since baseline | result |" : "| state | check | result |");
            out.println(baseline ? "|---|---|---|---|" : "|---|---|---|");
            for (Result r : group.getValue()) {
                out.println("| " + r.status().symbol() + " " + r.status() + " | " + cell(Describe.name(r)) + " | "
                        + (baseline ? Describe.change(run, r) + " | " : "") + cell(Describe.message(r)) + " |");
            }
            for (Result r : group.getValue()) {
                if (r.status() == Status.PASS || r.status() == Status.SKIP) {
                    continue;
                }
                out.println();
                out.println("### " + r.status() + " " + inline(Describe.name(r)));
                out.println();
                out.println(inline(Describe.message(r)));
                out.println();
                item(out, "observed", r.observed());
                item(out, "expected", r.expected());
                item(out, "evidence", r.evidence());
                if (r.status() != Status.INFO) {
                    item(out, "fix", r.fix());
                }
            }
        }
    }

    private static void item(PrintWriter out, String name, String value) {
        if (value != null && !value.isEmpty()) {
            out.println("- **" + name + ":** " + inline(value));
        }
    }

    /** Text on one line, with Markdown's active characters escaped. */
    static String inline(String s) {
        return s.replaceAll("[\\r\\n]+", " ").replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1");
    }

    /** A table cell: one line, pipes and backticks escaped. */
    static String cell(String s) {
        return inline(s);
    }
}
