package dev.dlvaudit.host.proc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * The writer mutex in {@code lock.mdb} at offset 64 (on-disk-format.md §6): on glibc x86-64 a
 * process-shared robust {@code pthread_mutex_t}. {@code __lock} (u32 @64) holds the owner's tid in
 * its low 30 bits, bit 31 when others wait, bit 30 when the owner died; {@code __owner} i32 @72;
 * {@code __kind} i32 @80. Read with a positional read: never mapped, never locked.
 */
public record WriterMutex(int lock, int owner, int kind) {
    public static final long OFFSET = 64;
    /** PTHREAD_MUTEX_ROBUST_NORMAL_NP (16) | PTHREAD_MUTEX_PSHARED_BIT (128): what LMDB initialises on glibc. */
    public static final int GLIBC_ROBUST_SHARED = 0x90;
    private static final int TID_MASK = 0x3fffffff;
    private static final int WAITERS = 0x80000000;
    private static final int OWNER_DIED = 0x40000000;

    public static WriterMutex read(FileChannel channel) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (channel.read(b, OFFSET + b.position()) < 0) {
                throw new IOException("the lock file ends before the writer mutex (offset " + OFFSET + "+24)");
            }
        }
        return new WriterMutex(b.getInt(0), b.getInt(8), b.getInt(16));
    }

    /** Whether the bytes have the layout proven by the test with a live writer (glibc robust shared mutex). */
    public boolean layoutKnown() {
        return (kind & 0xff) == GLIBC_ROBUST_SHARED;
    }

    public boolean held() {
        return (lock & TID_MASK) != 0;
    }

    public int ownerTid() {
        return lock & TID_MASK;
    }

    public boolean waiters() {
        return (lock & WAITERS) != 0;
    }

    public boolean ownerDied() {
        return (lock & OWNER_DIED) != 0;
    }
}
