package dev.dlvaudit.cli;

import dev.dlvaudit.engine.CheckCatalog;
import dev.dlvaudit.engine.CheckDirectory;
import dev.dlvaudit.engine.PluginLoader;
import dev.dlvaudit.engine.PluginSafety;
import dev.dlvaudit.engine.Plugins;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code --checks-dir} and the default check directories: {@code checks/} next to the installed
 * jar, {@code checks.d} in the configuration directory ({@code $DLV_AUDIT_CONFIG_DIR}, default
 * {@code /etc/dlv-audit}) and, without that variable, in the user's ({@code ~/.config/dlv-audit}),
 * as for the policy. Read on this machine, never under {@code --host-root}.
 */
public final class CheckDirsOption {
    /** Overrides {@link #DEFAULT_CONFIG_DIR} (tests, unusual layouts); also where the policy file is looked for. */
    public static final String CONFIG_DIR_ENV = "DLV_AUDIT_CONFIG_DIR";
    public static final String DEFAULT_CONFIG_DIR = "/etc/dlv-audit";

    @Option(names = "--checks-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Also load plugin checks from the jars in DIR (repeatable), after those in the"
                    + " checks directory next to the installed jar, /etc/dlv-audit/checks.d and"
                    + " ~/.config/dlv-audit/checks.d (only $DLV_AUDIT_CONFIG_DIR/checks.d when that is set)."
                    + " A world-writable directory or jar is refused.")
    List<Path> dirs = new ArrayList<>();

    /** The configuration directory: {@code $DLV_AUDIT_CONFIG_DIR}, else {@code /etc/dlv-audit}. */
    public static Path configDir() {
        String dir = System.getenv(CONFIG_DIR_ENV);
        return Path.of(dir == null || dir.isBlank() ? DEFAULT_CONFIG_DIR : dir);
    }

    /**
     * The user's own configuration directory ({@code $XDG_CONFIG_HOME/dlv-audit}, else
     * {@code ~/.config/dlv-audit}), where the policy is looked for too; none when
     * {@code $DLV_AUDIT_CONFIG_DIR} says where the configuration is.
     */
    static Optional<Path> userConfigDir() {
        String dir = System.getenv(CONFIG_DIR_ENV);
        if (dir != null && !dir.isBlank()) {
            return Optional.empty();
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return Optional.of(base.resolve("dlv-audit"));
    }

    /** Every check directory, defaults first. */
    List<CheckDirectory> directories() {
        List<CheckDirectory> list = new ArrayList<>();
        installedChecksDir().ifPresent(d -> list.add(CheckDirectory.optional(d)));
        list.add(CheckDirectory.optional(configDir().resolve("checks.d")));
        userConfigDir().ifPresent(d -> list.add(CheckDirectory.optional(d.resolve("checks.d"))));
        for (Path d : dirs) {
            list.add(CheckDirectory.required(d));
        }
        return list;
    }

    /** Loads the built-in checks and the plugins of every check directory. */
    Plugins load() {
        return new PluginLoader(CheckCatalog.class.getClassLoader(), PluginSafety.forCurrentUser()).load(directories());
    }

    /** {@code checks/} in the directory of the jar dlv-audit runs from; none when run from classes. */
    static Optional<Path> installedChecksDir() {
        try {
            CodeSource source = CheckDirsOption.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(location)) {
                return Optional.empty();
            }
            return Optional.of(location.toAbsolutePath().getParent().resolve("checks"));
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }
}
