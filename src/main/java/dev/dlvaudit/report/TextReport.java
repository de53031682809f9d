package dev.dlvaudit.report;

import dev.dlvaudit.api.Status;
import dev.dlvaudit.engine.AuditRun;
import dev.dlvaudit.engine.Result;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fusesource.jansi.Ansi;

/**
 * The report for a person at a terminal: the environment, results grouped by target and area
 * with a symbol and a word per state (readable without colour), details under every result that
 * needs attention, and the summary last.
 */
public final class TextReport implements ReportWriter {
    private static final int WIDTH = 100;
    private final boolean color;

    public TextReport(boolean color) {
        this.color = color;
    }

    @Override
    public void write(AuditRun run, PrintWriter out) {
        out.println(bold("dlv-audit " + run.toolVersion()) + " on " + run.hostname() + " at " + run.started());
        out.println(environmentLine(run.environment()));
        for (Map.Entry<String, List<Result>> group : groups(run.results()).entrySet()) {
            List<Result> results = group.getValue();
            Result first = results.get(0);
            out.println();
            if (allSkippedForOneReason(results)) {
                // e.g. every database check of a run without a database: one line, not one per check
                out.println(bold(Areas.name(first.area()) + " (" + first.area() + ")"));
                String ids = String.join(", ", results.stream().map(Result::checkId).toList());
                List<String> lines = Wrap.lines(first.message() + ": " + ids, WIDTH - 11);
                out.println("  " + paint(Status.SKIP, Status.SKIP.symbol() + " SKIP  ") + " " + lines.get(0));
                for (int i = 1; i < lines.size(); i++) {
                    out.println(" ".repeat(11) + lines.get(i));
                }
                continue;
            }
            String where = first.isHostScoped() ? "host" : first.target();
            out.println(bold(Areas.name(first.area()) + " (" + first.area() + ")") + " — " + where);
            int idWidth = results.stream().mapToInt(r -> r.checkId().length()).max().orElse(10);
            boolean[] written = new boolean[results.size()];
            for (int i = 0; i < results.size(); i++) {
                if (written[i]) {
                    continue;
                }
                List<Result> same = new ArrayList<>(List.of(results.get(i)));
                for (int j = i + 1; j < results.size() && run.comparison() == null; j++) {
                    if (!written[j] && sameFact(results.get(i), results.get(j))) {
                        same.add(results.get(j));
                        written[j] = true;
                    }
                }
                if (same.size() > 1) {
                    writeMerged(out, same, idWidth);
                } else {
                    writeResult(out, results.get(i), idWidth, Describe.change(run, results.get(i)));
                }
            }
        }
        if (run.comparison() != null) {
            out.println();
            out.println(bold("Since the baseline") + " " + run.comparison().baseline().source() + ": "
                    + String.join(", ", run.comparison().counts(run.results()).entrySet().stream()
                            .map(e -> e.getValue() + " " + e.getKey().label()).toList()));
            for (dev.dlvaudit.engine.Comparison.Fixed f : run.comparison().fixed()) {
                out.println("  fixed: " + Describe.fixed(f));
            }
        }
        out.println();
        out.println(summary(run));
    }

    /** Two INFO or SKIP results that say the same thing (e.g. "no process has this database open"). */
    private static boolean sameFact(Result a, Result b) {
        return (a.status() == Status.INFO || a.status() == Status.SKIP) && a.status() == b.status()
                && a.message().equals(b.message()) && a.evidence().equals(b.evidence())
                && a.subject().isEmpty() && b.subject().isEmpty() && a.waiver() == null && b.waiver() == null;
    }

    private void writeMerged(PrintWriter out, List<Result> same, int idWidth) {
        Result first = same.get(0);
        String label = String.format(Locale.ROOT, "%s %-6s", first.status().symbol(), first.status().name());
        String indent = " ".repeat(12 + idWidth);
        List<String> ids = Wrap.lines(String.join(", ", same.stream().map(Result::checkId).toList()), WIDTH - 11);
        out.println("  " + paint(first.status(), label) + " " + ids.get(0));
        for (int i = 1; i < ids.size(); i++) {
            out.println(" ".repeat(11) + ids.get(i));
        }
        for (String line : Wrap.lines(first.message(), Math.max(40, WIDTH - 12 - idWidth))) {
            out.println(indent + line);
        }
        if (first.status() == Status.INFO) {
            detail(out, indent, "evidence", first.evidence());
        }
    }

    private static boolean allSkippedForOneReason(List<Result> results) {
        return results.size() > 1 && results.stream().allMatch(r -> r.status() == Status.SKIP
                && r.message().equals(results.get(0).message()) && r.subject().isEmpty());
    }

    private void writeResult(PrintWriter out, Result r, int idWidth, String change) {
        String label = String.format(Locale.ROOT, "%s %-6s", r.status().symbol(), r.status().name());
        String head = "  " + paint(r.status(), label) + " " + pad(r.checkId(), idWidth) + "  ";
        String message = (change == null || change.equals("unchanged") ? "" : "(" + change + ") ")
                + (r.subject().isEmpty() ? "" : "[" + r.subject() + "] ") + r.message();
        List<String> lines = Wrap.lines(message, Math.max(40, WIDTH - 12 - idWidth));
        String indent = " ".repeat(12 + idWidth);
        out.println(head + (lines.isEmpty() ? "" : lines.get(0)));
        for (int i = 1; i < lines.size(); i++) {
            out.println(indent + lines.get(i));
        }
        if (r.status() == Status.PASS || r.status() == Status.SKIP) {
            return;
        }
        detail(out, indent, "observed", r.observed());
        detail(out, indent, "expected", r.expected());
        detail(out, indent, "evidence", r.evidence());
        if (r.status() != Status.INFO) {
            detail(out, indent, "fix", r.fix());
        }
        if (r.waiver() != null) {
            detail(out, indent, "waiver", Describe.waiver(r.waiver()));
        }
    }

    private static void detail(PrintWriter out, String indent, String name, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        List<String> lines = Wrap.lines(value, WIDTH - indent.length() - 10);
        String head = indent + String.format(Locale.ROOT, "%-9s ", name + ":");
        for (int i = 0; i < lines.size(); i++) {
            out.println((i == 0 ? head : " ".repeat(head.length())) + lines.get(i));
        }
    }

    private String summary(AuditRun run) {
        Map<Status, Integer> c = run.counts();
        String counts = String.format(Locale.ROOT,
                "%d passed, %d warnings, %d failed, %d errors, %d info, %d skipped, %d waived",
                c.get(Status.PASS), c.get(Status.WARN), c.get(Status.FAIL), c.get(Status.ERROR),
                c.get(Status.INFO), c.get(Status.SKIP), c.get(Status.WAIVED));
        String gate = run.gateTripped()
                ? paint(Status.FAIL, "gate tripped")
                : paint(Status.PASS, "gate passed");
        return bold("Summary:") + " " + counts + " — " + gate + " (--fail-on "
                + run.failOn().name().toLowerCase(Locale.ROOT) + ")";
    }

    static String environmentLine(Map<String, Object> env) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> e : env.entrySet()) {
            if (e.getValue() instanceof Map || e.getValue() instanceof List || "hostname".equals(e.getKey())) {
                continue;
            }
            Object v = e.getValue();
            String value = e.getKey().endsWith("_bytes") && v instanceof Number
                    ? dev.dlvaudit.api.Units.bytes(((Number) v).longValue()) : String.valueOf(v);
            parts.add(e.getKey().replace("_bytes", "").replace('_', ' ') + " " + value);
        }
        return Wrap.lines("Environment: " + String.join(", ", parts), WIDTH).stream()
                .reduce((a, b) -> a + System.lineSeparator() + "  " + b).orElse("");
    }

    /** Results grouped by target (host first) and area, in a stable order. */
    static Map<String, List<Result>> groups(List<Result> results) {
        List<Result> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparing((Result r) -> r.isHostScoped() ? "" : r.target())
                .thenComparing(r -> Areas.sortKey(r.area()))
                .thenComparing(Result::checkId));
        Map<String, List<Result>> groups = new LinkedHashMap<>();
        for (Result r : sorted) {
            groups.computeIfAbsent(r.target() + "\u0000" + r.area(), k -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    private static String pad(String s, int width) {
        return String.format(Locale.ROOT, "%-" + width + "s", s);
    }

    private String bold(String s) {
        return color ? Ansi.ansi().bold().a(s).reset().toString() : s;
    }

    private String paint(Status status, String s) {
        if (!color) {
            return s;
        }
        Ansi.Color c;
        switch (status) {
            case PASS: c = Ansi.Color.GREEN; break;
            case WARN: c = Ansi.Color.YELLOW; break;
            case FAIL: case ERROR: c = Ansi.Color.RED; break;
            case INFO: c = Ansi.Color.BLUE; break;
            case WAIVED: c = Ansi.Color.MAGENTA; break;
            default: c = Ansi.Color.DEFAULT;
        }
        return Ansi.ansi().fg(c).a(s).reset().toString();
    }
}
