package dev.dlvaudit.host;

import dev.dlvaudit.api.FactException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The kernel settings a reboot would apply: the sysctl.d files in the order systemd-sysctl
 * (and {@code sysctl --system}) applies them, then {@code /etc/sysctl.conf}.
 *
 * <p>Files are collected by basename across the directories; for the same basename the first
 * directory of {@link #DIRECTORIES} wins (so {@code /etc} overrides {@code /usr/lib}, and a link
 * to {@code /dev/null} masks a vendor file). Files run in lexical order of basename and a later
 * assignment wins. Missing directories are normal.
 *
 * @param files the files read, in the order applied
 * @param assignments every assignment, in the order applied
 */
public record PersistedSysctls(List<Path> files, List<Assignment> assignments) {

    /** In priority order for the same basename. */
    public static final List<String> DIRECTORIES = List.of(
            "/etc/sysctl.d", "/run/sysctl.d", "/usr/local/lib/sysctl.d", "/usr/lib/sysctl.d", "/lib/sysctl.d");
    public static final String SYSCTL_CONF = "/etc/sysctl.conf";

    /**
     * One {@code key = value} line.
     *
     * @param ignoreErrors the key was written with a leading {@code -}
     */
    public record Assignment(String key, String value, Path file, int line, boolean ignoreErrors) {
        public String where() {
            return file + ":" + line;
        }
    }

    public static PersistedSysctls read(HostFiles host) {
        Map<String, Path> byName = new TreeMap<>();
        for (String dir : DIRECTORIES) {
            for (Path p : confFiles(host.resolve(dir))) {
                byName.putIfAbsent(p.getFileName().toString(), p);
            }
        }
        List<Path> order = new ArrayList<>(byName.values());
        Path sysctlConf = host.resolve(SYSCTL_CONF);
        if (Files.exists(sysctlConf)) {
            order.add(sysctlConf);
        }
        List<Path> read = new ArrayList<>();
        List<Assignment> assignments = new ArrayList<>();
        for (Path p : order) {
            if (masked(p)) {
                continue;
            }
            read.add(p);
            assignments.addAll(parse(p, text(p)));
        }
        return new PersistedSysctls(List.copyOf(read), List.copyOf(assignments));
    }

    /** The assignment a reboot would leave in force for a key, if any file sets it. */
    public Optional<Assignment> last(String key) {
        Assignment found = null;
        for (Assignment a : assignments) {
            if (a.key().equals(key)) {
                found = a;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Parses one file's text; lines that are not assignments are skipped, as systemd-sysctl does. */
    static List<Assignment> parse(Path file, String text) {
        List<Assignment> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            boolean ignoreErrors = key.startsWith("-");
            if (ignoreErrors) {
                key = key.substring(1).strip();
            }
            if (!key.isEmpty()) {
                out.add(new Assignment(normalize(key), line.substring(eq + 1).strip(), file, i + 1, ignoreErrors));
            }
        }
        return out;
    }

    /** {@code vm/swappiness} → {@code vm.swappiness}: when the first separator is a slash, slashes separate and dots are literal. */
    static String normalize(String key) {
        while (key.startsWith("/")) {
            key = key.substring(1);
        }
        int dot = key.indexOf('.');
        int slash = key.indexOf('/');
        if (slash < 0 || (dot >= 0 && dot < slash)) {
            return key;
        }
        StringBuilder sb = new StringBuilder(key.length());
        for (char c : key.toCharArray()) {
            sb.append(c == '/' ? '.' : c == '.' ? '/' : c);
        }
        return sb.toString();
    }

    private static List<Path> confFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".conf")).sorted().toList();
        } catch (IOException e) {
            throw new FactException(dir + ": cannot list: " + e.getMessage(), e);
        }
    }

    private static boolean masked(Path p) {
        try {
            return Files.isSymbolicLink(p) && Files.readSymbolicLink(p).toString().equals("/dev/null");
        } catch (IOException e) {
            return false;
        }
    }

    private static String text(Path p) {
        try {
            return Files.readString(p);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new FactException(p + ": permission denied");
        } catch (IOException e) {
            throw new FactException(p + ": cannot read: " + e.getMessage(), e);
        }
    }
}
