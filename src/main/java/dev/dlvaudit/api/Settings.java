package dev.dlvaudit.api;

import java.util.Optional;

/**
 * Thresholds for one check: the policy's value for that check, else the policy's global
 * value of the same key, else the default the check passes in. Keys are the policy's EDN
 * keys without the colon ({@code warn-ratio}, {@code max-lag}, {@code expected-data-size}).
 */
public interface Settings {

    /** The raw value, if the policy sets one (a Long, Double, String, Boolean or Keyword name). */
    Optional<Object> get(String key);

    /** The policy's named profile ({@code server}, {@code embedded}, ...), if one is chosen. */
    Optional<String> profile();

    default long getLong(String key, long defaultValue) {
        return get(key).map(v -> Units.toLong(key, v)).orElse(defaultValue);
    }

    default double getDouble(String key, double defaultValue) {
        return get(key).map(v -> Units.toDouble(key, v)).orElse(defaultValue);
    }

    default String getString(String key, String defaultValue) {
        return get(key).map(Object::toString).orElse(defaultValue);
    }

    /** A size in bytes: a number, or text such as {@code "40 GiB"}. */
    default Optional<Long> getBytes(String key) {
        return get(key).map(v -> Units.toBytes(key, v));
    }

    /** No policy at all: every check uses its defaults. */
    static Settings defaults() {
        return new Settings() {
            @Override
            public Optional<Object> get(String key) {
                return Optional.empty();
            }

            @Override
            public Optional<String> profile() {
                return Optional.empty();
            }
        };
    }
}
