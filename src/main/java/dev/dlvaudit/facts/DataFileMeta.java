package dev.dlvaudit.facts;

import dev.dlvaudit.api.FactException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The few meta-page numbers the process checks need: map size, page size, used bytes. A stop-gap
 * until the database reader's {@code DatabaseFacts} is merged; read with positional reads only
 * (never mapped, never locked). The current meta is the one with the larger txnid.
 *
 * @param usedBytes {@code (mm_last_pg + 1) * psize}
 */
public record DataFileMeta(Path dataFile, long mapSize, int pageSize, long usedBytes, long txnId, long fileBytes) {
    private static final int MAGIC = 0xBEEFC0DE;

    public static DataFileMeta read(Path dataFile) {
        try (FileChannel ch = FileChannel.open(dataFile, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer first = page(ch, 0, dataFile);
            int psize = first.getInt(40);
            if (psize < 512 || psize > 65536 || Integer.bitCount(psize) != 1) {
                throw new FactException(dataFile + ": page size at offset 40 is " + psize + ", not a power of two"
                        + " between 512 and 65536: not an LMDB data file");
            }
            ByteBuffer second = page(ch, psize, dataFile);
            boolean firstValid = first.getInt(16) == MAGIC;
            boolean secondValid = second.getInt(16) == MAGIC;
            if (!firstValid && !secondValid) {
                throw new FactException(dataFile + ": neither meta page has the LMDB magic 0xBEEFC0DE");
            }
            ByteBuffer meta = !secondValid || (firstValid && first.getLong(144) >= second.getLong(144)) ? first : second;
            return new DataFileMeta(dataFile, meta.getLong(32), psize, (meta.getLong(136) + 1) * psize,
                    meta.getLong(144), size);
        } catch (NoSuchFileException e) {
            throw new FactException(dataFile + ": no such file");
        } catch (IOException e) {
            throw new FactException(dataFile + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static ByteBuffer page(FileChannel ch, long offset, Path file) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(152).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, offset + b.position()) < 0) {
                throw new FactException(file + ": cut short at " + (offset + b.position())
                        + " bytes: the meta pages are incomplete");
            }
        }
        return b;
    }

    /** The data file of a database directory, or the path itself for MDB_NOSUBDIR. */
    public static Path dataFileOf(Path target) {
        return Files.isDirectory(target) ? target.resolve("data.mdb") : target;
    }
}
