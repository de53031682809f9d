package dev.dlvaudit.db;

/** Little-endian unsigned reads from byte arrays (x86-64/aarch64 native order). */
final class Bytes {
    private Bytes() {
    }

    static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }

    static long u32(byte[] b, int off) {
        return (b[off] & 0xFFL) | (b[off + 1] & 0xFFL) << 8 | (b[off + 2] & 0xFFL) << 16
                | (b[off + 3] & 0xFFL) << 24;
    }

    static int i32(byte[] b, int off) {
        return (int) u32(b, off);
    }

    static long u64(byte[] b, int off) {
        return u32(b, off) | u32(b, off + 4) << 32;
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
