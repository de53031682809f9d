package dev.dlvaudit.host;

import dev.dlvaudit.api.FactException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Transparent Huge Pages settings under {@code /sys/kernel/mm/transparent_hugepage}: the
 * kernel marks the active choice in brackets ({@code always [madvise] never}). A kernel built
 * without THP has no such directory: that is a legitimate absence, not an error.
 */
public record TransparentHugePages(Path directory, boolean compiledIn, Setting enabled, Setting defrag) {

    public static final String DIRECTORY = "/sys/kernel/mm/transparent_hugepage";

    /** One sysfs file: its content, or why it could not be read. */
    public record Setting(Path path, String content, String error) {
        private static final Pattern BRACKETED = Pattern.compile("\\[([^\\]\\s]+)\\]");

        /** The bracketed word; a {@link FactException} naming the file and content when there is none. */
        public String mode() {
            if (error != null) {
                throw new FactException(error);
            }
            Matcher m = BRACKETED.matcher(content);
            if (content.isBlank() || !m.find()) {
                throw new FactException(path + ": expected the choices with the active one in brackets"
                        + " (e.g. 'always [madvise] never'), found '" + content.trim() + "'");
            }
            return m.group(1);
        }
    }

    public static TransparentHugePages read(HostFiles files) {
        Path dir = files.resolve(DIRECTORY);
        boolean present = java.nio.file.Files.isDirectory(dir);
        return new TransparentHugePages(dir, present, setting(files, "enabled"), setting(files, "defrag"));
    }

    private static Setting setting(HostFiles files, String name) {
        String hostPath = DIRECTORY + "/" + name;
        try {
            return new Setting(files.resolve(hostPath), files.read(hostPath), null);
        } catch (FactException e) {
            return new Setting(files.resolve(hostPath), null, e.getMessage());
        }
    }

    /** Whether huge pages can be used at all: compiled in and {@code enabled} other than never. */
    public boolean canBeActive() {
        return compiledIn && !"never".equals(enabled.mode());
    }
}
