package dev.dlvaudit.cli;

import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.engine.ConfigException;
import dev.dlvaudit.engine.LoadedCheck;
import java.io.PrintWriter;
import dev.dlvaudit.report.Wrap;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code dlv-audit explain ID}: why a check exists, what it reads, its thresholds and the fix. */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Explain one check: rationale, what it reads, thresholds, the fix and sources.")
public final class ExplainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    DlvAuditCommand global;

    @Parameters(paramLabel = "ID", description = "A check id, as printed by 'dlv-audit list'.")
    String id;

    @Override
    public Integer call() {
        LoadedCheck check = global.checkDirs.load().catalog().find(id)
                .orElseThrow(() -> new ConfigException("unknown check id '" + id + "' (see 'dlv-audit list')"));
        CheckSpec s = check.spec();
        PrintWriter out = spec.commandLine().getOut();
        out.println(s.id() + " — " + s.title());
        out.println();
        out.println("Area:       " + check.area());
        out.println("Severity:   " + s.severity().name().toLowerCase(Locale.ROOT));
        out.println("Scope:      " + s.scope().name().toLowerCase(Locale.ROOT));
        out.println("Origin:     " + check.origin());
        section(out, "Why", s.rationale());
        section(out, "Reads", s.reads());
        section(out, "Thresholds", s.thresholds());
        section(out, "Fix", s.fix());
        if (s.sources().length > 0) {
            out.println();
            out.println("Sources:");
            for (String source : s.sources()) {
                out.println("  - " + source);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void section(PrintWriter out, String heading, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        out.println();
        out.println(heading + ":");
        for (String line : Wrap.lines(text, 76)) {
            out.println("  " + line);
        }
    }
}
