package dev.dlvaudit.testing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lmdbjava.CursorIterable;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.Txn;

/**
 * A child process for tests: creates a stock-LMDB database (lmdbjava) in the directory it is given,
 * reads it all through the map (so pages are resident), opens a write transaction and holds it.
 * Prints {@code READY pid tid} (tid of the writer thread); on the line {@code commit} commits and
 * prints {@code COMMITTED}; exits when standard input closes.
 */
public final class LmdbHolder {
    public static final long MAP_SIZE = 64L << 20;

    private LmdbHolder() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        try (Env<ByteBuffer> env = Env.create().setMapSize(MAP_SIZE).setMaxDbs(1).setMaxReaders(126).open(dir.toFile())) {
            Dbi<ByteBuffer> db = env.openDbi("data", DbiFlags.MDB_CREATE);
            ByteBuffer key = ByteBuffer.allocateDirect(8);
            ByteBuffer value = ByteBuffer.allocateDirect(1024);
            try (Txn<ByteBuffer> txn = env.txnWrite()) {
                for (long i = 0; i < 4000; i++) {
                    key.clear();
                    key.putLong(i).flip();
                    value.clear();
                    value.put(new byte[1024]).flip();
                    db.put(txn, key, value);
                }
                txn.commit();
            }
            long sum = 0;
            try (Txn<ByteBuffer> txn = env.txnRead(); CursorIterable<ByteBuffer> it = db.iterate(txn)) {
                for (CursorIterable.KeyVal<ByteBuffer> kv : it) {
                    ByteBuffer v = kv.val();
                    for (int i = 0; i < v.remaining(); i += 512) {
                        sum += v.get(i);
                    }
                }
            }
            Txn<ByteBuffer> writer = env.txnWrite();
            key.clear();
            key.putLong(-1).flip();
            db.put(writer, key, value.clear());
            String tid = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
            System.out.println("READY " + ProcessHandle.current().pid() + " " + tid + " " + sum);
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals("commit") && writer != null) {
                    writer.commit();
                    writer.close();
                    writer = null;
                    System.out.println("COMMITTED");
                    System.out.flush();
                }
            }
            if (writer != null) {
                writer.abort();
            }
        }
    }
}
