package dev.dlvaudit.report;

import dev.dlvaudit.api.Status;
import dev.dlvaudit.engine.AuditRun;
import dev.dlvaudit.engine.Change;
import dev.dlvaudit.engine.Result;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Prometheus text exposition format for node_exporter's textfile collector: prefix
 * {@code dlv_audit_}, base units, HELP and TYPE for every metric, no timestamps (the collector
 * drops a file that has them).
 *
 * <p>{@code dlv_audit_check_status}: 0 PASS, 1 WARN, 2 FAIL, 3 ERROR; -1 INFO, -2 SKIP,
 * -3 WAIVED — negative for "no verdict", so {@code > 0} means needs attention and {@code >= 2}
 * means failed or could not tell.
 */
public final class PrometheusReport implements ReportWriter {

    static int value(Status s) {
        switch (s) {
            case PASS: return 0;
            case WARN: return 1;
            case FAIL: return 2;
            case ERROR: return 3;
            case INFO: return -1;
            case SKIP: return -2;
            case WAIVED: return -3;
            default: throw new AssertionError(s);
        }
    }

    @Override
    public void write(AuditRun run, PrintWriter out) {
        header(out, "dlv_audit_check_status", "State of each check result: 0 pass, 1 warn, 2 fail, 3 error,"
                + " -1 info, -2 skip, -3 waived.");
        Map<String, Integer> series = new LinkedHashMap<>();
        for (Result r : run.results()) {
            String labels = "check=\"" + label(r.checkId()) + "\",target=\"" + label(r.target())
                    + "\",subject=\"" + label(r.subject()) + "\",severity=\""
                    + r.severity().name().toLowerCase(Locale.ROOT) + "\"";
            // one sample per label set: the worst state when a check reports the same subject twice
            series.merge(labels, value(r.status()), (a, b) -> severityOrder(b) > severityOrder(a) ? b : a);
        }
        series.forEach((labels, v) -> out.println("dlv_audit_check_status{" + labels + "} " + v));

        header(out, "dlv_audit_checks", "Number of check results in each state.");
        run.counts().forEach((status, n) -> out.println("dlv_audit_checks{status=\""
                + status.name().toLowerCase(Locale.ROOT) + "\"} " + n));

        if (run.comparison() != null) {
            header(out, "dlv_audit_baseline_results", "Number of results by change since the baseline run.");
            for (Map.Entry<Change, Integer> e : run.comparison().counts(run.results()).entrySet()) {
                out.println("dlv_audit_baseline_results{change=\"" + e.getKey().label() + "\"} " + e.getValue());
            }
        }

        databaseMetrics(run, out);

        header(out, "dlv_audit_gate_tripped", "1 when a result was at or above the --fail-on level, else 0.");
        out.println("dlv_audit_gate_tripped{fail_on=\"" + run.failOn().name().toLowerCase(Locale.ROOT) + "\"} "
                + (run.gateTripped() ? 1 : 0));
        header(out, "dlv_audit_run_duration_seconds", "How long the audit took.");
        out.println("dlv_audit_run_duration_seconds " + String.format(Locale.ROOT, "%.3f", run.duration().toMillis() / 1000.0));
        header(out, "dlv_audit_last_run_timestamp_seconds", "When the audit finished, in seconds since the Unix epoch.");
        long finishedMillis = run.started().toEpochMilli() + run.duration().toMillis();
        out.println("dlv_audit_last_run_timestamp_seconds " + String.format(Locale.ROOT, "%.3f", finishedMillis / 1000.0));
        header(out, "dlv_audit_build_info", "The dlv-audit version that wrote these metrics (always 1).");
        out.println("dlv_audit_build_info{version=\"" + label(run.toolVersion()) + "\"} 1");
    }

    /** Map use and reader counts per database, from the run's environment block (nothing is read here). */
    private static void databaseMetrics(AuditRun run, PrintWriter out) {
        if (!(run.environment().get("databases") instanceof java.util.List<?> dbs) || dbs.isEmpty()) {
            return;
        }
        java.util.List<Map<?, ?>> maps = new java.util.ArrayList<>();
        dbs.stream().filter(Map.class::isInstance).forEach(d -> maps.add((Map<?, ?>) d));
        header(out, "dlv_audit_map_used_ratio", "Used pages of the database's map, as a ratio of its map size.");
        for (Map<?, ?> d : maps) {
            if (d.get("map_used_ratio") instanceof Number n) {
                out.println("dlv_audit_map_used_ratio{db=\"" + label(String.valueOf(d.get("path"))) + "\"} "
                        + String.format(Locale.ROOT, "%.6f", n.doubleValue()));
            }
        }
        header(out, "dlv_audit_readers", "Reader slots of the database's lock file: active (holding a read"
                + " transaction), high_water (numreaders), max.");
        for (Map<?, ?> d : maps) {
            for (String kind : new String[] {"active", "high_water", "max"}) {
                if (d.get("readers_" + kind) instanceof Number n) {
                    out.println("dlv_audit_readers{db=\"" + label(String.valueOf(d.get("path"))) + "\",kind=\""
                            + kind + "\"} " + n.longValue());
                }
            }
        }
    }

    /** Orders values from best to worst: pass, info, skip, waived, warn, fail, error. */
    private static int severityOrder(int v) {
        return v < 0 ? -v : v == 0 ? 0 : v + 3;
    }

    private static void header(PrintWriter out, String name, String help) {
        out.println("# HELP " + name + " " + help.replace("\\", "\\\\").replace("\n", "\\n"));
        out.println("# TYPE " + name + " gauge");
    }

    /** A label value escaped per the exposition format: backslash, double quote, line feed. */
    static String label(String value) {
        if (value == null) {
            return "";
        }
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
