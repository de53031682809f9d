package dev.dlvaudit.datalevin;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A minimal sanity check of an LMDB/DLMDB {@code data.mdb}'s two meta pages, used to decide
 * whether a backup or snapshot copy is a database at all: magic 0xBEEFC0DE (u32 @16) and a
 * data version of 1 or 2 (u32 @20) on pages 0 and 1, the page size taken from the FREE DBI
 * record's pad field (u32 @40 of page 0, a power of two from 512 to 65536) and a file long
 * enough for both. Little-endian, as written on x86-64 and aarch64. Read with positional reads
 * on a read-only channel; nothing is mapped or locked.
 */
public record MetaPages(Path dataFile, boolean valid, int pageSize, int version, String problem) {

    public static final int MAGIC = 0xBEEFC0DE;

    public static MetaPages check(Path dataFile) {
        if (!Files.isRegularFile(dataFile)) {
            return bad(dataFile, "no data.mdb at " + dataFile);
        }
        try (FileChannel ch = FileChannel.open(dataFile, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer p0 = read(ch, 0, 48);
            if (p0 == null) {
                return bad(dataFile, dataFile + " is " + size + " bytes: too short for a meta page");
            }
            int pageSize = p0.getInt(40);
            if (pageSize < 512 || pageSize > 65536 || Integer.bitCount(pageSize) != 1) {
                return bad(dataFile, dataFile + ": meta page 0 gives page size " + Integer.toUnsignedString(pageSize));
            }
            Optional<String> m0 = meta(p0, 0);
            if (m0.isPresent()) {
                return bad(dataFile, dataFile + ": " + m0.get());
            }
            ByteBuffer p1 = read(ch, pageSize, 48);
            if (p1 == null || size < 2L * pageSize) {
                return bad(dataFile, dataFile + " is " + size + " bytes: shorter than its two meta pages of "
                        + pageSize + " bytes");
            }
            Optional<String> m1 = meta(p1, 1);
            if (m1.isPresent()) {
                return bad(dataFile, dataFile + ": " + m1.get());
            }
            return new MetaPages(dataFile, true, pageSize, p0.getInt(20), "");
        } catch (IOException e) {
            return bad(dataFile, "cannot read " + dataFile + ": " + e.getMessage());
        }
    }

    private static Optional<String> meta(ByteBuffer page, int n) {
        int magic = page.getInt(16);
        if (magic != MAGIC) {
            return Optional.of(String.format("meta page %d has magic 0x%08x, expected 0x%08x", n, magic, MAGIC));
        }
        int version = page.getInt(20);
        if (version != 1 && version != 2) {
            return Optional.of("meta page " + n + " has data version " + Integer.toUnsignedString(version)
                    + ", expected 1 or 2");
        }
        return Optional.empty();
    }

    private static ByteBuffer read(FileChannel ch, long at, int n) throws IOException {
        ByteBuffer bb = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        while (bb.hasRemaining()) {
            if (ch.read(bb, at + bb.position()) < 0) {
                return null;
            }
        }
        return bb.flip();
    }

    private static MetaPages bad(Path dataFile, String problem) {
        return new MetaPages(dataFile, false, 0, 0, problem);
    }
}
