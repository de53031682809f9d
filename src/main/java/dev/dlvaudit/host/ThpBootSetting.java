package dev.dlvaudit.host;

import java.util.Optional;

/**
 * The THP {@code enabled} mode the next boot starts with: {@code transparent_hugepage=} on the
 * kernel command line, else the kernel's build-time default from {@code /boot/config-RELEASE}.
 * Empty when neither tells (a systemd unit or tuned profile may still set it at boot).
 *
 * @param mode always, madvise or never
 * @param source where the mode came from, or what was looked at when it is empty
 */
public record ThpBootSetting(Optional<String> mode, String source) {

    public static ThpBootSetting read(HostFiles files) {
        KernelCommandLine cmdline = KernelCommandLine.read(files);
        Optional<String> param = cmdline.parameter("transparent_hugepage");
        if (param.isPresent()) {
            return new ThpBootSetting(param, "transparent_hugepage=" + param.get() + " in " + cmdline.path());
        }
        String looked = "no transparent_hugepage= in " + cmdline.path();
        Optional<String> release = files.readIfExists("/proc/sys/kernel/osrelease").map(String::trim)
                .filter(s -> !s.isEmpty());
        if (release.isEmpty()) {
            return new ThpBootSetting(Optional.empty(), looked);
        }
        String configPath = "/boot/config-" + release.get();
        Optional<String> config = files.readIfExists(configPath);
        if (config.isEmpty()) {
            return new ThpBootSetting(Optional.empty(), looked + " and no " + files.resolve(configPath));
        }
        for (String mode : new String[] {"always", "madvise", "never"}) {
            String line = "CONFIG_TRANSPARENT_HUGEPAGE_" + mode.toUpperCase(java.util.Locale.ROOT) + "=y";
            if (config.get().lines().anyMatch(l -> l.strip().equals(line))) {
                return new ThpBootSetting(Optional.of(mode), looked + "; kernel default " + line + " in "
                        + files.resolve(configPath));
            }
        }
        return new ThpBootSetting(Optional.empty(), looked + " and no THP default in " + files.resolve(configPath));
    }
}
