package dev.dlvaudit.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The runs of a GROUND_TRUTH.txt: {@code === [n] (label) $ command}, output lines, exit code. */
public final class GroundTruthText {

    public record Run(int number, String label, String command, List<String> lines, String exit) {
        /** {@code "Section" -> ("Key" -> "value")} for mdb_stat's {@code Section\n  Key: value} output. */
        public Map<String, Map<String, String>> sections() {
            Map<String, Map<String, String>> out = new LinkedHashMap<>();
            Map<String, String> cur = null;
            for (String l : lines) {
                if (l.startsWith("=== ")) {
                    continue;
                }
                if (!l.startsWith(" ") && !l.isEmpty()) {
                    cur = new LinkedHashMap<>();
                    out.put(l, cur);
                } else if (cur != null && l.contains(": ")) {
                    int i = l.indexOf(": ");
                    cur.put(l.substring(0, i).trim(), l.substring(i + 2));
                }
            }
            return out;
        }
    }

    private GroundTruthText() {
    }

    public static List<Run> runs(Path file) throws IOException {
        List<Run> out = new ArrayList<>();
        Run cur = null;
        List<String> lines = null;
        for (String l : Files.readAllLines(file)) {
            if (l.startsWith("=== [")) {
                int close = l.indexOf(']');
                String tag = l.substring(5, close);
                int n = tag.chars().allMatch(Character::isDigit) ? Integer.parseInt(tag) : -1;
                String rest = l.substring(close + 1).trim();
                String label = n < 0 ? tag : rest.startsWith("(") ? rest.substring(1, rest.indexOf(')')) : "";
                String cmd = rest.contains("$ ") ? rest.substring(rest.indexOf("$ ") + 2) : rest;
                lines = new ArrayList<>();
                cur = new Run(n, label, cmd, lines, null);
            } else if (l.startsWith("=== exit code:") && cur != null) {
                out.add(new Run(cur.number(), cur.label(), cur.command(), List.copyOf(lines),
                        l.substring("=== exit code:".length()).trim()));
                cur = null;
            } else if (cur != null) {
                lines.add(l);
            }
        }
        return out;
    }

    /** The last successful {@code mdb_stat -e -f -a} run: as-is if it worked, else first opener; null if none. */
    public static Run statRun(Path file) throws IOException {
        Run best = null;
        for (Run r : runs(file)) {
            if (r.number() > 0 && r.command().contains("-e -f -a") && "0".equals(r.exit())) {
                if (best == null || r.label().equals("as-is")) {
                    best = r;
                }
            }
        }
        return best;
    }
}
