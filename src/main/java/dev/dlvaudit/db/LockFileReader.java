package dev.dlvaudit.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Reads {@code lock.mdb} with plain positional reads: no map, no fcntl lock, nothing created. */
final class LockFileReader {
    /** Reader slots read at most (64 MiB of table); a larger table is reported, not read. */
    static final long MAX_SLOTS = 1L << 20;

    private LockFileReader() {
    }

    static LockInfo read(Path file, List<Problem> problems) {
        if (file == null || !Files.isRegularFile(file)) {
            return LockInfo.absent(file);
        }
        long[] ino = DatabaseFiles.inodeAndDevice(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            byte[] head = read(ch, 0, (int) Math.min(size, LockInfo.HEADER_SIZE));
            OptionalLong magic = head.length >= 4 ? OptionalLong.of(Bytes.u32(head, 0)) : OptionalLong.empty();
            OptionalLong format = head.length >= 8 ? OptionalLong.of(Bytes.u32(head, 4)) : OptionalLong.empty();
            if (magic.isPresent() && magic.getAsLong() != MetaPage.MAGIC) {
                problems.add(Problem.of(Problem.Kind.LOCK_BAD_MAGIC, file, String.format(
                        "bad magic 0x%08x (expected 0xbeefc0de): a non-first opener fails; a first opener"
                                + " re-initialises the lock file", magic.getAsLong())));
            }
            LockInfo.Layout layout = LockInfo.Layout.UNKNOWN;
            if (format.isPresent()) {
                long f = format.getAsLong();
                if (f == LockInfo.STOCK_FORMAT) {
                    layout = LockInfo.Layout.STOCK_LMDB;
                } else if ((f & 0xFFF) == 2) {
                    layout = LockInfo.Layout.DLMDB;
                } else {
                    problems.add(Problem.of(Problem.Kind.LOCK_UNKNOWN_FORMAT, file, String.format(
                            "unknown lock format word 0x%08x (stock LMDB writes 0x00010001, DLMDB low 12 bits = 2):"
                                    + " a non-first opener fails with MDB_VERSION_MISMATCH; a first opener silently"
                                    + " re-initialises the lock file", f)));
                }
            }
            OptionalLong txnid = OptionalLong.empty();
            OptionalLong numReaders = OptionalLong.empty();
            int txOff = layout == LockInfo.Layout.STOCK_LMDB ? 48 : 8;
            int nrOff = layout == LockInfo.Layout.STOCK_LMDB ? 56 : 16;
            if (layout != LockInfo.Layout.UNKNOWN) {
                if (head.length >= txOff + 8) {
                    txnid = OptionalLong.of(Bytes.u64(head, txOff));
                }
                if (head.length >= nrOff + 4) {
                    numReaders = OptionalLong.of(Bytes.u32(head, nrOff));
                }
            }
            OptionalLong writerLock = head.length >= 68 ? OptionalLong.of(Bytes.u32(head, 64)) : OptionalLong.empty();
            OptionalInt writerOwner = head.length >= 76 ? OptionalInt.of(Bytes.i32(head, 72)) : OptionalInt.empty();
            OptionalInt writerKind = head.length >= 84 ? OptionalInt.of(Bytes.i32(head, 80)) : OptionalInt.empty();

            OptionalLong maxReaders = OptionalLong.empty();
            List<ReaderSlot> slots = new ArrayList<>();
            if (size < LockInfo.HEADER_SIZE + LockInfo.SLOT_SIZE) {
                problems.add(Problem.of(Problem.Kind.LOCK_TRUNCATED, file, "truncated: " + size
                        + " bytes, shorter than the 128-byte header plus one 64-byte reader slot: a non-first opener"
                        + " derives max readers " + libraryMaxReaders(size) + " and may crash (SIGSEGV);"
                        + " a first opener re-initialises the lock file"));
            } else {
                long max = (size - LockInfo.HEADER_SIZE) / LockInfo.SLOT_SIZE;
                maxReaders = OptionalLong.of(max);
                long n = max;
                if (numReaders.isPresent()) {
                    if (numReaders.getAsLong() > max) {
                        problems.add(Problem.of(Problem.Kind.LOCK_INSANE, file, "numreaders "
                                + numReaders.getAsLong() + " exceeds max readers " + max + " (file size " + size + ")"));
                    } else {
                        n = numReaders.getAsLong();
                    }
                }
                if (n > MAX_SLOTS) {
                    problems.add(Problem.of(Problem.Kind.LOCK_INSANE, file, "reader table of " + n
                            + " slots: only the first " + MAX_SLOTS + " were read"));
                    n = MAX_SLOTS;
                }
                byte[] table = read(ch, LockInfo.HEADER_SIZE, (int) (n * LockInfo.SLOT_SIZE));
                for (int i = 0; i < n; i++) {
                    int o = i * LockInfo.SLOT_SIZE;
                    int pid = Bytes.i32(table, o + 8);
                    if (pid != 0) {
                        slots.add(new ReaderSlot(i, pid, Bytes.u64(table, o + 16), Bytes.u64(table, o)));
                    }
                }
            }
            return new LockInfo(file, true, size, ino[0], ino[1], magic, format, layout, txnid, numReaders,
                    maxReaders, slots, writerLock, writerOwner, writerKind);
        } catch (IOException e) {
            problems.add(Problem.of(Problem.Kind.IO_ERROR, file, "cannot read: " + e.getMessage()));
            return new LockInfo(file, true, -1, ino[0], ino[1], OptionalLong.empty(), OptionalLong.empty(),
                    LockInfo.Layout.UNKNOWN, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                    List.of(), OptionalLong.empty(), OptionalInt.empty(), OptionalInt.empty());
        }
    }

    /**
     * Max readers as a non-first opener of LMDB/DLMDB derives it from the file size:
     * {@code (unsigned)((size - 192) / 64 + 1)} in size_t arithmetic, so a file shorter than 192
     * bytes gives nonsense (4294967295 for 100 bytes).
     */
    static long libraryMaxReaders(long size) {
        long v = Long.divideUnsigned(size - 192, 64) + 1;
        return v & 0xFFFFFFFFL;
    }

    private static byte[] read(FileChannel ch, long offset, int len) throws IOException {
        byte[] b = new byte[len];
        ByteBuffer buf = ByteBuffer.wrap(b);
        while (buf.hasRemaining()) {
            int n = ch.read(buf, offset + buf.position());
            if (n < 0) {
                break; // shrank under us: the rest stays zero
            }
        }
        return b;
    }
}
