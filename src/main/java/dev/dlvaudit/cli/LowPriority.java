package dev.dlvaudit.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Lowers this process's CPU and IO priority for cron runs, best effort: {@code renice -n 10} and
 * {@code ionice -c 3} (idle) on every thread of {@code /proc/self/task} (Linux sets both per
 * thread; threads started later inherit them). Missing commands or refusals are ignored: the
 * systemd unit's Nice= and IOSchedulingClass= are the reliable way.
 */
final class LowPriority {
    private LowPriority() {
    }

    static void apply() {
        List<String> tids = threads();
        if (tids.isEmpty()) {
            return;
        }
        run("renice", List.of("-n", "10", "-p"), tids);
        run("ionice", List.of("-c", "3", "-p"), tids);
    }

    private static List<String> threads() {
        List<String> tids = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path p : ds) {
                tids.add(p.getFileName().toString());
            }
        } catch (IOException | RuntimeException e) {
            tids.clear();
            tids.add(String.valueOf(ProcessHandle.current().pid()));
        }
        return tids;
    }

    private static void run(String command, List<String> args, List<String> tids) {
        Path exe = find(command);
        if (exe == null) {
            return;
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(exe.toString());
        cmd.addAll(args);
        cmd.addAll(tids);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            // best effort
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path find(String command) {
        String path = System.getenv("PATH");
        List<String> dirs = new ArrayList<>(List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin"));
        if (path != null) {
            dirs.addAll(0, List.of(path.split(":")));
        }
        for (String d : dirs) {
            if (d.isEmpty()) {
                continue;
            }
            Path p = Path.of(d, command);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
