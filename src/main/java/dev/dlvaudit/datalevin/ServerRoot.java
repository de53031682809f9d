package dev.dlvaudit.datalevin;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Datalevin server root (default {@code /var/lib/datalevin}): no {@code data.mdb} of its own, a
 * {@code system/} database, and one directory per database named by the uppercase hex of the
 * database name's UTF-8 bytes (on-disk-format.md §7). Only directory listings are read.
 */
public final class ServerRoot {
    private static final Pattern HEX = Pattern.compile("(?:[0-9A-F]{2})+");

    /** One database of a server root: its directory and its decoded name ({@code system} for system/). */
    public record Database(Path directory, String name) {
    }

    private ServerRoot() {
    }

    /** The databases of {@code dir} when it is a server root, else empty. */
    public static Optional<List<Database>> databases(Path dir) throws IOException {
        if (!Files.isDirectory(dir) || Files.exists(dir.resolve("data.mdb"))
                || !Files.isDirectory(dir.resolve("system"))) {
            return Optional.empty();
        }
        List<Database> dbs = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path child : children) {
                String file = child.getFileName().toString();
                boolean holdsDb = Files.exists(child.resolve("data.mdb")) || Files.exists(child.resolve("lock.mdb"));
                if (holdsDb) {
                    decode(file).ifPresent(name -> dbs.add(new Database(child, name)));
                }
            }
        }
        if (dbs.isEmpty() && !Files.exists(dir.resolve("system").resolve("data.mdb"))) {
            return Optional.empty();
        }
        dbs.sort(Comparator.comparing(Database::name));
        dbs.add(new Database(dir.resolve("system"), "system"));
        return Optional.of(List.copyOf(dbs));
    }

    /** The database name a directory name encodes: uppercase hex of valid UTF-8; empty otherwise. */
    public static Optional<String> decode(String fileName) {
        if (!HEX.matcher(fileName).matches()) {
            return Optional.empty();
        }
        byte[] bytes = new byte[fileName.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(fileName.substring(2 * i, 2 * i + 2), 16);
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
