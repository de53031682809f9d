package dev.dlvaudit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** A minimal data.mdb: two meta pages (4096-byte pages) with a map size, last page and txnid. */
public final class FakeDataFile {
    private FakeDataFile() {
    }

    public static Path write(Path file, long mapSize, long lastPage) {
        ByteBuffer b = ByteBuffer.allocate(2 * 4096).order(ByteOrder.LITTLE_ENDIAN);
        for (int page = 0; page < 2; page++) {
            int base = page * 4096;
            b.putLong(base, page);
            b.putShort(base + 10, (short) 0x08);
            b.putInt(base + 16, 0xBEEFC0DE);
            b.putInt(base + 20, 1);
            b.putLong(base + 32, page == 1 ? mapSize : mapSize / 2);
            b.putInt(base + 40, 4096);
            b.putLong(base + 80, -1L); // FREE_DBI root: empty tree
            b.putLong(base + 128, -1L); // MAIN_DBI root: empty tree
            b.putLong(base + 136, page == 1 ? lastPage : 1);
            b.putLong(base + 144, page == 1 ? 8 : 7); // meta 1 is the newer
        }
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, b.array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
