package dev.dlvaudit.engine;

import dev.dlvaudit.api.Settings;
import dev.dlvaudit.api.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the operator configured: thresholds and severity per check, global settings, a profile,
 * waivers. {@link #none()} is the policy of a run without a policy file.
 *
 * @param global top-level settings (expected-data-size, backup-dir, health-url, ...), keys without colons
 * @param perCheck check id → its settings (keys without colons; {@code severity} is taken out into severities)
 */
public record Policy(String source, Optional<String> profile, Map<String, Object> global,
                     Map<String, Map<String, Object>> perCheck, Map<String, Severity> severities,
                     List<Waiver> waivers) {

    public static Policy none() {
        return new Policy("defaults", Optional.empty(), Map.of(), Map.of(), Map.of(), List.of());
    }

    /** The settings one check sees: its own keys, then the profile's, then the global ones. */
    public Settings settingsFor(String checkId) {
        Map<String, Object> own = perCheck.getOrDefault(checkId, Map.of());
        return new Settings() {
            @Override
            public Optional<Object> get(String key) {
                Object v = own.get(key);
                if (v == null) {
                    v = global.get(key);
                }
                return Optional.ofNullable(v);
            }

            @Override
            public Optional<String> profile() {
                return profile;
            }
        };
    }

    /** This policy with more waivers (from a {@code --waivers} file). */
    public Policy withWaivers(List<Waiver> more) {
        List<Waiver> all = new java.util.ArrayList<>(waivers);
        all.addAll(more);
        return new Policy(source, profile, global, perCheck, severities, List.copyOf(all));
    }

    public Severity severityOf(LoadedCheck check) {
        return severities.getOrDefault(check.id(), check.spec().severity());
    }
}
