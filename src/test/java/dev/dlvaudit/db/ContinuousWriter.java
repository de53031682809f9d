package dev.dlvaudit.db;

import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.Txn;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** A separate process for ConcurrentWriterTest: commits small transactions to a temp env for N seconds. */
public final class ContinuousWriter {
    public static void main(String[] args) throws Exception {
        File dir = new File(args[0]);
        long until = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000_000L;
        Random rnd = new Random(7);
        long commits = 0;
        try (Env<byte[]> env = Env.create(ByteArrayProxy.PROXY_BA).setMapSize(256L << 20).setMaxDbs(8).open(dir)) {
            Dbi<byte[]> a = env.openDbi("a", DbiFlags.MDB_CREATE);
            Dbi<byte[]> b = env.openDbi("dups", DbiFlags.MDB_CREATE, DbiFlags.MDB_DUPSORT);
            while (System.nanoTime() < until) {
                try (Txn<byte[]> txn = env.txnWrite()) {
                    for (int i = 0; i < 40; i++) {
                        int k = rnd.nextInt(5000);
                        byte[] v = new byte[rnd.nextInt(10) == 0 ? 6000 + rnd.nextInt(9000) : 10 + rnd.nextInt(200)];
                        rnd.nextBytes(v);
                        a.put(txn, ("k" + k).getBytes(StandardCharsets.UTF_8), v);
                        b.put(txn, ("d" + (k % 50)).getBytes(StandardCharsets.UTF_8), ("v" + k).getBytes(StandardCharsets.UTF_8));
                    }
                    for (int i = 0; i < 25; i++) {
                        a.delete(txn, ("k" + rnd.nextInt(5000)).getBytes(StandardCharsets.UTF_8));
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
}
