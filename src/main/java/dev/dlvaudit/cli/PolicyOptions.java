package dev.dlvaudit.cli;

import dev.dlvaudit.engine.CheckCatalog;
import dev.dlvaudit.engine.ConfigException;
import dev.dlvaudit.engine.Policy;
import dev.dlvaudit.engine.PolicyFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --policy} and {@code --waivers}. Without {@code --policy}, the first of
 * {@code /etc/dlv-audit/policy.edn} and {@code ~/.config/dlv-audit/policy.edn} that exists
 * (only {@code $DLV_AUDIT_CONFIG_DIR/policy.edn} when that variable is set). The tool's own
 * configuration: never read from under {@code --host-root}.
 */
public final class PolicyOptions {
    static final String CONFIG_DIR_ENV = "DLV_AUDIT_CONFIG_DIR";

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Policy file (EDN): profile, thresholds and severities per check, waivers."
                    + " Default: /etc/dlv-audit/policy.edn, else ~/.config/dlv-audit/policy.edn"
                    + " ($" + CONFIG_DIR_ENV + "/policy.edn when that is set), if one exists.")
    Path policy;

    @Option(names = "--waivers", paramLabel = "FILE",
            description = "Waivers file (EDN): a vector of {:check :reason :owner :expires [:target]}, added to"
                    + " the policy's :waivers.")
    Path waivers;

    /** The policy to run with; a malformed file is a {@link ConfigException} naming file and line. */
    Policy load(CheckCatalog catalog, Map<String, String> env) {
        Path file = policy != null ? policy : defaultPolicy(env);
        Policy result = Policy.none();
        if (file != null) {
            if (policy != null && !Files.exists(file)) {
                throw new ConfigException("--policy " + file + ": no such file");
            }
            result = PolicyFile.read(file, id -> catalog.find(id).isPresent());
        }
        if (waivers != null) {
            result = result.withWaivers(PolicyFile.readWaivers(waivers, id -> catalog.find(id).isPresent()));
        }
        return result;
    }

    static Path defaultPolicy(Map<String, String> env) {
        for (Path candidate : defaultLocations(env)) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static List<Path> defaultLocations(Map<String, String> env) {
        List<Path> list = new ArrayList<>();
        String dir = env.get(CONFIG_DIR_ENV);
        if (dir != null && !dir.isEmpty()) {
            list.add(Path.of(dir, "policy.edn"));
            return list;
        }
        list.add(Path.of("/etc/dlv-audit/policy.edn"));
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isEmpty()) {
            list.add(Path.of(xdg, "dlv-audit", "policy.edn"));
        } else {
            list.add(Path.of(System.getProperty("user.home"), ".config", "dlv-audit", "policy.edn"));
        }
        return list;
    }
}
