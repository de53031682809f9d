package dev.dlvaudit.engine;

import java.util.Map;

/**
 * Named policy profiles: per-check settings for a kind of deployment. A policy file's own
 * {@code :checks} settings override its profile's, key by key.
 */
public final class Profiles {
    /**
     * {@code server}: many clients, write-heavy — 1024 reader slots, WAL expected (WARN when off).
     * {@code embedded}: one application process — the default 126 slots are fine, WAL optional (INFO).
     */
    static final Map<String, Map<String, Map<String, Object>>> PROFILES = Map.of(
            "server", Map.of(
                    "db.max-readers", Map.of("min-readers", 1024L),
                    "dl.max-readers", Map.of("min-readers", 1024L),
                    "dl.wal", Map.of("when-off", "warn")),
            "embedded", Map.of(
                    "db.max-readers", Map.of("min-readers", 126L),
                    "dl.max-readers", Map.of("min-readers", 126L),
                    "dl.wal", Map.of("when-off", "info")));

    private Profiles() {
    }

    public static Map<String, Map<String, Object>> settingsOf(String profile) {
        return PROFILES.get(profile);
    }

    public static java.util.Set<String> names() {
        return new java.util.TreeSet<>(PROFILES.keySet());
    }
}
