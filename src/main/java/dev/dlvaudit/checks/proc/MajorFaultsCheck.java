package dev.dlvaudit.checks.proc;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import dev.dlvaudit.api.Units;
import dev.dlvaudit.facts.SampleSettings;
import dev.dlvaudit.host.proc.DatabaseActivity;
import dev.dlvaudit.host.proc.ProcessInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

@CheckSpec(
        id = "proc.major-faults",
        title = "The working set fits in RAM (few major page faults)",
        severity = Severity.WARN,
        scope = Scope.DATABASE,
        rationale = "A major page fault on the map is a read from disk: the page was not in the page cache."
                + " Many per second together with I/O pressure mean the working set does not fit in memory.",
        reads = "/proc/PID/stat (field 12, majflt) at both ends of --sample SECONDS; /proc/pressure/io and"
                + " /proc/pressure/memory (avg10); /proc/stat (iowait); /proc/diskstats (I/Os on the database's device)",
        thresholds = "WARN when a process takes >= max-major-faults (100) major faults/s and I/O pressure is high:"
                + " PSI io some avg10 >= io-pressure (10 %), or iowait >= 10 % where PSI is unavailable."
                + " SKIP without --sample.",
        fix = "Give the page cache more memory (more RAM, a smaller JVM heap, a larger cgroup limit) or reduce"
                + " the working set; faster storage shortens each fault.",
        sources = {"proc(5): /proc/PID/stat majflt", "Linux Documentation/accounting/psi.rst"})
public final class MajorFaultsCheck implements Check {

    @Override
    public List<Finding> evaluate(CheckContext context) {
        if (context.databaseDirectory().isPresent() && context.fact(SampleSettings.class).duration().isEmpty()) {
            return List.of(Finding.skip("needs --sample SECONDS: fault rates are measured over an interval"));
        }
        var early = DatabaseProcessScope.unless(context);
        if (early.isPresent()) {
            return early.get();
        }
        DatabaseActivity a = context.fact(DatabaseActivity.class);
        double maxFaults = context.settings().getDouble("max-major-faults", 100);
        double maxPressure = context.settings().getDouble("io-pressure", 10);
        boolean psi = a.io().flatMap(p -> p.someAvg10().isPresent() ? java.util.Optional.of(p) : java.util.Optional.empty()).isPresent();
        double pressure = psi ? a.io().get().someAvg10().getAsDouble() : a.iowaitRatio().orElse(0) * 100;
        boolean pressured = pressure >= maxPressure;
        String pressureText = psi ? String.format(Locale.ROOT, "io pressure some avg10 %.1f %%", pressure)
                : a.iowaitRatio().isPresent() ? String.format(Locale.ROOT, "iowait %.1f %% (no PSI)", pressure)
                : "no PSI or iowait";
        String extra = context(a);
        List<Finding> findings = new ArrayList<>();
        for (ProcessInfo p : DatabaseProcessScope.processes(context)) {
            Double rate = a.majorFaultsPerSecond().get(p.pid());
            String evidence = "/proc/" + p.pid() + "/stat over " + String.format(Locale.ROOT, "%.1f s", a.seconds())
                    + ", /proc/pressure/io, /proc/stat" + a.device().map(d -> ", /proc/diskstats (" + d + ")").orElse("");
            if (rate == null) {
                findings.add(Finding.info("the process exited during the sample").subject(p.label()).evidence(evidence));
                continue;
            }
            String observed = String.format(Locale.ROOT, "%.1f major faults/s, %s%s", rate, pressureText, extra);
            String expected = String.format(Locale.ROOT, "< %.0f major faults/s or %s < %.0f %%", maxFaults,
                    psi ? "io pressure" : "iowait", maxPressure);
            if (rate >= maxFaults && pressured) {
                findings.add(Finding.warn(String.format(Locale.ROOT, "%.1f major page faults/s with %s: the working"
                        + " set does not fit in the page cache", rate, pressureText))
                        .subject(p.label()).observed(observed).expected(expected).evidence(evidence)
                        .fix("Free memory for the page cache (lower -Xmx, raise the cgroup limit, add RAM; resident"
                                + " now: " + Units.bytes(p.residentBytes()) + " of data.mdb) or move to faster storage"));
            } else {
                findings.add(Finding.pass(String.format(Locale.ROOT, "%.1f major page faults/s, %s", rate, pressureText))
                        .subject(p.label()).observed(observed).expected(expected).evidence(evidence));
            }
        }
        return findings;
    }

    private static String context(DatabaseActivity a) {
        StringBuilder b = new StringBuilder();
        a.memory().flatMap(m -> m.someAvg10().isPresent() ? java.util.Optional.of(m.someAvg10().getAsDouble())
                : java.util.Optional.empty()).ifPresent(v -> b.append(String.format(Locale.ROOT, ", memory pressure %.1f %%", v)));
        if (a.deviceOpsPerSecond().isPresent()) {
            b.append(String.format(Locale.ROOT, ", %.0f I/Os/s on %s", a.deviceOpsPerSecond().getAsDouble(), a.device().orElse("?")));
        }
        return b.toString();
    }
}
