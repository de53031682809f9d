package dev.dlvaudit.datalevin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/** The {@code VERSION} file: the Datalevin version that last opened the database (since 0.9.27). */
public final class VersionFile {
    static final Pattern VERSION = Pattern.compile("[0-9]+(\\.[0-9]+)*([-.+][0-9A-Za-z.+-]*)?");

    private VersionFile() {
    }

    /** Empty when there is no VERSION file; a {@link IllegalStateException} naming the file when it is not a version. */
    public static Optional<String> read(Path databaseDir) throws IOException {
        Path file = databaseDir.resolve("VERSION");
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(256);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        String text = new String(head, StandardCharsets.UTF_8).trim();
        if (!VERSION.matcher(text).matches()) {
            throw new IllegalStateException(file + " does not hold a version: \"" + shorten(text) + "\"");
        }
        return Optional.of(text);
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** Compares dotted versions numerically ({@code 0.10.7} &gt; {@code 0.9.27}); non-numeric parts compare as 0. */
    public static int compare(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Long.compare(num(x, i), num(y, i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static long num(String[] parts, int i) {
        if (i >= parts.length) {
            return 0;
        }
        try {
            return Long.parseLong(parts[i]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
