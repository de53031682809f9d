package dev.dlvaudit.cli;

import dev.dlvaudit.engine.CheckCatalog;
import dev.dlvaudit.engine.LoadedCheck;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dlv-audit list}: every check with its id, area, severity, scope, title and origin. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List every check: id, area, default severity, scope, title and where it came from.")
public final class ListCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    DlvAuditCommand global;

    @Override
    public Integer call() {
        List<LoadedCheck> checks = global.checkDirs.load().catalog().all();
        PrintWriter out = spec.commandLine().getOut();
        int idWidth = checks.stream().mapToInt(c -> c.id().length()).max().orElse(2);
        String row = "%-" + idWidth + "s  %-5s  %-4s  %-8s  %s%n";
        out.printf(row, "ID", "AREA", "SEV", "SCOPE", "TITLE");
        for (LoadedCheck c : checks) {
            String title = c.spec().title()
                    + (CheckCatalog.BUILT_IN.equals(c.origin()) ? "" : "  [" + c.origin() + "]");
            out.printf(row, c.id(), c.area(), c.spec().severity().name().toLowerCase(java.util.Locale.ROOT),
                    c.spec().scope().name().toLowerCase(java.util.Locale.ROOT), title);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
