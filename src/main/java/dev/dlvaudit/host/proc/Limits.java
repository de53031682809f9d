package dev.dlvaudit.host.proc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A process's resource limits from {@code /proc/PID/limits}; "unlimited" is an empty value. */
public record Limits(Map<String, Limit> byName) {
    private static final Pattern LINE = Pattern.compile("^(Max [A-Za-z ]+?)\\s{2,}(\\S+)\\s+(\\S+)(?:\\s+(\\S+))?\\s*$");

    /** One limit: soft and hard, empty when unlimited. */
    public record Limit(String name, OptionalLong soft, OptionalLong hard, String unit) {
        public String softText() {
            return text(soft);
        }

        private static String text(OptionalLong v) {
            return v.isPresent() ? Long.toString(v.getAsLong()) : "unlimited";
        }
    }

    public static Limits parse(String text) {
        Map<String, Limit> limits = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                String name = m.group(1).trim();
                limits.put(name, new Limit(name, value(m.group(2)), value(m.group(3)),
                        m.group(4) == null ? "" : m.group(4)));
            }
        }
        return new Limits(Map.copyOf(limits));
    }

    private static OptionalLong value(String s) {
        if (s.equals("unlimited")) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public Optional<Limit> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Optional<Limit> addressSpace() {
        return get("Max address space");
    }

    public Optional<Limit> fileSize() {
        return get("Max file size");
    }

    public Optional<Limit> openFiles() {
        return get("Max open files");
    }
}
