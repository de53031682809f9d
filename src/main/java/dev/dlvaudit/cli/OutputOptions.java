package dev.dlvaudit.cli;

import dev.dlvaudit.engine.AuditRun;
import dev.dlvaudit.engine.ConfigException;
import dev.dlvaudit.engine.FailOn;
import dev.dlvaudit.report.BaselineReader;
import dev.dlvaudit.report.JunitReport;
import dev.dlvaudit.report.ReportFormat;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --output FORMAT=PATH} (repeatable), {@code --junit-warn} and {@code --baseline}. */
public final class OutputOptions {

    /** One {@code --output}. */
    record Output(ReportFormat format, Path path) {
    }

    @Option(names = "--output", paramLabel = "FORMAT=PATH", converter = OutputConverter.class,
            description = "Also write the report in FORMAT to PATH (repeatable; formats as for --format)."
                    + " The file is replaced atomically with mode 0644; a symbolic link is refused.")
    List<Output> outputs = new ArrayList<>();

    @Option(names = "--junit-warn", paramLabel = "AS",
            description = "How JUnit XML shows a WARN: failure, or pass (with a status property)."
                    + " Default: failure with --fail-on warn, else pass.")
    JunitReport.WarnAs junitWarn;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "A previous JSON report: every format marks each result new, regressed, improved,"
                    + " fixed or unchanged since then, and lists what was fixed.")
    Path baseline;

    /** Checks the output files can be written and are not in an audited directory, before auditing. */
    void validate(List<Path> auditedDirectories) {
        for (Output o : outputs) {
            Path file = o.path().toAbsolutePath().normalize();
            for (Path db : auditedDirectories) {
                if (file.startsWith(db.toAbsolutePath().normalize())) {
                    throw new ConfigException("--output " + o.path() + ": inside the audited database directory "
                            + db + "; dlv-audit never writes there");
                }
            }
            AtomicFile.checkWritable(o.path());
        }
    }

    /** The run compared with {@code --baseline}, if given. */
    AuditRun compare(AuditRun run) {
        return baseline == null ? run : run.comparedWith(BaselineReader.read(baseline));
    }

    /** Reads the baseline early so a malformed one stops the run before auditing. */
    void checkBaseline() {
        if (baseline != null) {
            BaselineReader.read(baseline);
        }
    }

    JunitReport.WarnAs warnAs(FailOn failOn) {
        if (junitWarn != null) {
            return junitWarn;
        }
        return failOn == FailOn.WARN ? JunitReport.WarnAs.failure : JunitReport.WarnAs.pass;
    }

    void writeFiles(AuditRun run) {
        for (Output o : outputs) {
            StringWriter text = new StringWriter();
            try (PrintWriter w = new PrintWriter(text)) {
                o.format().writer(false, warnAs(run.failOn())).write(run, w);
            }
            AtomicFile.write(o.path(), text.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Parses FORMAT=PATH. */
    static final class OutputConverter implements CommandLine.ITypeConverter<Output> {
        @Override
        public Output convert(String value) {
            int eq = value.indexOf('=');
            if (eq <= 0 || eq == value.length() - 1) {
                throw new CommandLine.TypeConversionException("expected FORMAT=PATH (e.g. junit=report.xml), got '"
                        + value + "'");
            }
            String name = value.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            try {
                return new Output(ReportFormat.valueOf(name), Path.of(value.substring(eq + 1)));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("unknown format '" + name + "' in '" + value
                        + "'; expected one of text, json, junit, prometheus, markdown, html");
            }
        }
    }
}
