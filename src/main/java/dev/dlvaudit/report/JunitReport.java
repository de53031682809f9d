package dev.dlvaudit.report;

import dev.dlvaudit.api.Status;
import dev.dlvaudit.engine.AuditRun;
import dev.dlvaudit.engine.Comparison;
import dev.dlvaudit.engine.Result;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JUnit XML as Jenkins and GitLab read it (the Ant/Jenkins format): one testsuite per target, one
 * testcase per result with classname = area. FAIL → failure, ERROR → error, SKIP and WAIVED →
 * skipped (neither counts as passed), WARN → failure or a pass with a {@code status} property.
 */
public final class JunitReport implements ReportWriter {
    /** How a WARN is shown. */
    public enum WarnAs { failure, pass }

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private final WarnAs warnAs;

    public JunitReport(WarnAs warnAs) {
        this.warnAs = warnAs;
    }

    @Override
    public void write(AuditRun run, PrintWriter out) {
        Map<String, List<Result>> byTarget = new LinkedHashMap<>();
        byTarget.put(Result.HOST, new ArrayList<>());
        for (String t : run.targets()) {
            byTarget.put(t, new ArrayList<>());
        }
        for (Result r : run.results()) {
            byTarget.computeIfAbsent(r.target(), k -> new ArrayList<>()).add(r);
        }
        byTarget.values().removeIf(List::isEmpty);
        int[] total = count(run.results());
        out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        out.printf(Locale.ROOT, "<testsuites name=\"dlv-audit\" tests=\"%d\" failures=\"%d\" errors=\"%d\""
                + " skipped=\"%d\" time=\"%.3f\">%n", total[0], total[1], total[2], total[3],
                run.duration().toMillis() / 1000.0);
        boolean first = true;
        for (Map.Entry<String, List<Result>> e : byTarget.entrySet()) {
            suite(run, e.getKey(), e.getValue(), first, out);
            first = false;
        }
        out.println("</testsuites>");
    }

    private void suite(AuditRun run, String target, List<Result> results, boolean first, PrintWriter out) {
        int[] c = count(results);
        double seconds = results.stream().mapToLong(Result::durationMillis).sum() / 1000.0;
        out.printf(Locale.ROOT, "  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"%d\""
                        + " time=\"%.3f\" timestamp=\"%s\" hostname=\"%s\">%n",
                Markup.esc("dlv-audit " + target), c[0], c[1], c[2], c[3], seconds,
                TIMESTAMP.format(run.started()), Markup.esc(run.hostname()));
        out.println("    <properties>");
        property(out, "    ", "dlv-audit.version", run.toolVersion());
        property(out, "    ", "target", target);
        property(out, "    ", "fail-on", run.failOn().name().toLowerCase(Locale.ROOT));
        property(out, "    ", "gate-tripped", String.valueOf(run.gateTripped()));
        if (first && run.comparison() != null) {
            property(out, "    ", "baseline", run.comparison().baseline().source());
            for (Comparison.Fixed f : run.comparison().fixed()) {
                property(out, "    ", "baseline.fixed", Describe.fixed(f));
            }
        }
        out.println("    </properties>");
        for (Result r : results) {
            testcase(run, r, out);
        }
        out.println("  </testsuite>");
    }

    private void testcase(AuditRun run, Result r, PrintWriter out) {
        String name = Describe.name(r) + (r.isHostScoped() ? "" : " (" + r.target() + ")");
        out.printf(Locale.ROOT, "    <testcase name=\"%s\" classname=\"%s\" time=\"%.3f\">%n",
                Markup.esc(name), Markup.esc(r.area()), r.durationMillis() / 1000.0);
        out.println("      <properties>");
        property(out, "      ", "status", r.status().name());
        property(out, "      ", "severity", r.severity().name().toLowerCase(Locale.ROOT));
        String change = Describe.change(run, r);
        if (change != null) {
            property(out, "      ", "baseline", change);
        }
        if (r.waiver() != null) {
            property(out, "      ", "waiver.reason", r.waiver().reason());
            property(out, "      ", "waiver.owner", r.waiver().owner());
            property(out, "      ", "waiver.expires", r.waiver().expires() == null ? "" : r.waiver().expires().toString());
        }
        out.println("      </properties>");
        String headline = r.status() + ": " + Describe.message(r);
        switch (r.status()) {
            case FAIL:
                element(out, "failure", headline, "FAIL", details(r));
                break;
            case ERROR:
                element(out, "error", headline, "ERROR", details(r));
                break;
            case WARN:
                if (warnAs == WarnAs.failure) {
                    element(out, "failure", headline, "WARN", details(r));
                }
                break;
            case SKIP:
            case WAIVED:
                out.printf("      <skipped message=\"%s\"/>%n", Markup.esc(headline));
                break;
            default:
                break;
        }
        out.printf("      <system-out>%s</system-out>%n", Markup.esc(headline + "\n" + details(r)));
        out.println("    </testcase>");
    }

    private static void element(PrintWriter out, String tag, String message, String type, String body) {
        out.printf("      <%s message=\"%s\" type=\"%s\">%s</%s>%n", tag, Markup.esc(message), type, Markup.esc(body), tag);
    }

    private static void property(PrintWriter out, String indent, String name, String value) {
        out.printf("%s  <property name=\"%s\" value=\"%s\"/>%n", indent, Markup.esc(name), Markup.esc(value));
    }

    static String details(Result r) {
        StringBuilder b = new StringBuilder();
        line(b, "observed", r.observed());
        line(b, "expected", r.expected());
        line(b, "evidence", r.evidence());
        line(b, "fix", r.fix());
        return b.toString();
    }

    private static void line(StringBuilder b, String name, String value) {
        if (value != null && !value.isEmpty()) {
            b.append(name).append(": ").append(value).append('\n');
        }
    }

    /** tests, failures, errors, skipped. */
    private int[] count(List<Result> results) {
        int[] c = new int[4];
        for (Result r : results) {
            c[0]++;
            if (r.status() == Status.FAIL || (r.status() == Status.WARN && warnAs == WarnAs.failure)) {
                c[1]++;
            } else if (r.status() == Status.ERROR) {
                c[2]++;
            } else if (r.status() == Status.SKIP || r.status() == Status.WAIVED) {
                c[3]++;
            }
        }
        return c;
    }
}
