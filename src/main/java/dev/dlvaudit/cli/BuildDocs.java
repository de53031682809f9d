package dev.dlvaudit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;

/**
 * Run by the build (and by install.sh from the jar): writes the man page and the bash completion
 * script, both from the command model, into {@code DIR/man/dlv-audit.1} and
 * {@code DIR/completion/dlv-audit.bash}.
 */
public final class BuildDocs {
    private BuildDocs() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BuildDocs OUTPUT_DIR");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir.resolve("man"));
        Files.createDirectories(dir.resolve("completion"));
        Files.writeString(dir.resolve("man/dlv-audit.1"), manPage());
        Files.writeString(dir.resolve("completion/dlv-audit.bash"), completion());
    }

    public static String manPage() {
        return new ManPage(CommandLineFactory.create(), VersionProvider.version(), VersionProvider.date()).render();
    }

    public static String completion() {
        return AutoComplete.bash("dlv-audit", CommandLineFactory.create());
    }
}
