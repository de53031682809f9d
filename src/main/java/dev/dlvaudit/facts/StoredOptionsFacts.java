package dev.dlvaudit.facts;

import dev.dlvaudit.datalevin.StoredOptions;
import java.util.Optional;

/**
 * The database's recorded options ({@code datalevin/opts}, {@code datalevin/kv-info},
 * {@code datalevin/meta}), or why they could not be read. Checks use them when present and
 * say so when not; absent is not an error (a KV store has no {@code datalevin/opts}).
 */
public record StoredOptionsFacts(Optional<StoredOptions> stored, String unavailableReason) {

    public static StoredOptionsFacts of(StoredOptions stored) {
        return new StoredOptionsFacts(Optional.of(stored), "");
    }

    public static StoredOptionsFacts unavailable(String reason) {
        return new StoredOptionsFacts(Optional.empty(), reason);
    }
}
