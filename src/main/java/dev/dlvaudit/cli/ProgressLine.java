package dev.dlvaudit.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** "[12/40] db.max-readers /var/lib/app/db" on one rewritten stderr line, only on a terminal. */
final class ProgressLine implements Consumer<String> {
    private final PrintWriter err;
    private final int total;
    private final int width;
    private int done;

    ProgressLine(PrintWriter err, int total, int width) {
        this.err = err;
        this.total = total;
        this.width = width;
    }

    /** Whether standard error is a terminal (Java 17 cannot ask for stderr alone; /proc can). */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return false;
        }
    }

    static int columns() {
        try {
            return Math.max(20, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80").trim()));
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    @Override
    public void accept(String what) {
        done++;
        String line = "[" + done + "/" + total + "] " + what;
        if (line.length() > width - 1) {
            line = line.substring(0, width - 2) + "…";
        }
        err.print("\r\u001b[K" + line);
        err.flush();
    }

    void clear() {
        err.print("\r\u001b[K");
        err.flush();
    }
}
