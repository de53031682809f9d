package dev.dlvaudit.db;

/**
 * One used slot of the lock file's reader table: {@code mr_txnid} u64 @0 ({@link #NO_TXN} when the
 * slot holds no open read transaction), {@code mr_pid} i32 @8, {@code mr_tid} u64 @16.
 */
public record ReaderSlot(int slot, int pid, long tid, long txnid) {
    public static final long NO_TXN = -1L;

    public boolean holdsTxn() {
        return txnid != NO_TXN;
    }

    /** How many transactions this reader lags behind {@code currentTxnid}; 0 when it holds none. */
    public long lag(long currentTxnid) {
        return holdsTxn() && Long.compareUnsigned(currentTxnid, txnid) > 0 ? currentTxnid - txnid : 0;
    }

    public String tidHex() {
        return "0x" + Long.toHexString(tid);
    }
}
