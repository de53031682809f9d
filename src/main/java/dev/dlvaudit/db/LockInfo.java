package dev.dlvaudit.db;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What {@code lock.mdb} says, read with plain reads. {@link #present()} is false when there is no
 * lock file (not an error: nothing has opened the environment since it was removed). Fields that
 * the file is too short for, or whose layout is unknown, are empty.
 *
 * @param size              the file's apparent size
 * @param inode             the file's inode (for {@code /proc/locks}), or -1
 * @param device            the file's {@code st_dev}, or -1
 * @param layout            which header layout the format word selects
 * @param maxReaders        {@code (size - 128) / 64}; empty when the file is shorter than 128 bytes
 * @param numReaders        the high-water mark of slots ever used
 * @param slots             slots whose pid is not 0, in slot order
 * @param writerMutexLock   raw {@code __lock} u32 @64 of the writer mutex (glibc x86-64), if readable
 * @param writerMutexOwner  raw {@code __owner} i32 @72
 * @param writerMutexKind   raw {@code __kind} i32 @80
 */
public record LockInfo(Path file, boolean present, long size, long inode, long device,
                       OptionalLong magic, OptionalLong format, Layout layout,
                       OptionalLong txnid, OptionalLong numReaders, OptionalLong maxReaders,
                       List<ReaderSlot> slots, OptionalLong writerMutexLock,
                       OptionalInt writerMutexOwner, OptionalInt writerMutexKind) {

    public static final long STOCK_FORMAT = 0x00010001L;
    public static final int HEADER_SIZE = 128;
    public static final int SLOT_SIZE = 64;

    /** The lock file's header layout, from its format word. */
    public enum Layout {
        /** Stock LMDB 0.9 ({@code 0x00010001}): txnid @48, numreaders @56. */
        STOCK_LMDB("stock LMDB"),
        /** DLMDB (low 12 bits = 2): txnid @8, numreaders @16. */
        DLMDB("DLMDB"),
        /** No lock file. */
        ABSENT("absent"),
        /** Format word missing or unknown: header fields not read. */
        UNKNOWN("unknown");

        private final String label;

        Layout(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public LockInfo {
        slots = List.copyOf(slots);
    }

    static LockInfo absent(Path file) {
        return new LockInfo(file, false, -1, -1, -1, OptionalLong.empty(), OptionalLong.empty(),
                Layout.ABSENT, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                List.of(), OptionalLong.empty(), OptionalInt.empty(), OptionalInt.empty());
    }

    /** Slots holding an open read transaction. */
    public List<ReaderSlot> activeSlots() {
        return slots.stream().filter(ReaderSlot::holdsTxn).toList();
    }

    public String formatHex() {
        return format.isPresent() ? String.format("0x%08x", format.getAsLong()) : "-";
    }
}
