package dev.dlvaudit.db;

import org.lmdbjava.ByteBufferProxy;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.Txn;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A separate process for ConcurrentWriterTest: commits small transactions to a temp env for N seconds.
 * Uses direct buffers through the safe proxy: lmdbjava's byte[] proxy crashed (SIGSEGV in
 * mdb_node_search during mdb_put) in one run on this machine.
 */
public final class ContinuousWriter {
    public static void main(String[] args) throws Exception {
        File dir = new File(args[0]);
        long until = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000_000L;
        Random rnd = new Random(7);
        long commits = 0;
        try (Env<ByteBuffer> env = Env.create(ByteBufferProxy.PROXY_SAFE).setMapSize(256L << 20).setMaxDbs(8).open(dir)) {
            Dbi<ByteBuffer> a = env.openDbi("a", DbiFlags.MDB_CREATE);
            Dbi<ByteBuffer> b = env.openDbi("dups", DbiFlags.MDB_CREATE, DbiFlags.MDB_DUPSORT);
            while (System.nanoTime() < until) {
                try (Txn<ByteBuffer> txn = env.txnWrite()) {
                    for (int i = 0; i < 40; i++) {
                        int k = rnd.nextInt(5000);
                        byte[] v = new byte[rnd.nextInt(10) == 0 ? 6000 + rnd.nextInt(9000) : 10 + rnd.nextInt(200)];
                        rnd.nextBytes(v);
                        a.put(txn, bb(("k" + k).getBytes(StandardCharsets.UTF_8)), bb(v));
                        b.put(txn, bb(("d" + (k % 50)).getBytes(StandardCharsets.UTF_8)), bb(("v" + k).getBytes(StandardCharsets.UTF_8)));
                    }
                    for (int i = 0; i < 25; i++) {
                        a.delete(txn, bb(("k" + rnd.nextInt(5000)).getBytes(StandardCharsets.UTF_8)));
                    }
                    txn.commit();
                }
                if (commits++ == 0) {
                    System.out.println("started");
                    System.out.flush();
                }
            }
        }
        System.out.println("commits " + commits);
    }

    private static ByteBuffer bb(byte[] bytes) {
        ByteBuffer b = ByteBuffer.allocateDirect(bytes.length);
        b.put(bytes).flip();
        return b;
    }
}
