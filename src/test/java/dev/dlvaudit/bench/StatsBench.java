package dev.dlvaudit.bench;

import dev.dlvaudit.db.DatabaseFacts;
import dev.dlvaudit.db.DatabaseReader;
import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.Txn;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Benchmark (not a unit test; run by bench/run-stats-bench.sh): the reader on a 20 GiB sparse
 * database (WRITEMAP, the file ftruncated to the map size) against a 1 MiB one with the same content,
 * with the bytes read from data.mdb; and dlv-audit stats and check vs Debian's mdb_stat as processes.
 */
public final class StatsBench {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        String jar = args.length > 1 ? args[1] : null;
        Path tmp = Files.createTempDirectory("dlv-audit-bench");
        try {
            Path small = create(tmp.resolve("small-1MiB"), 1L << 20, false);
            Path big = create(tmp.resolve("sparse-20GiB"), 20L << 30, true);
            System.out.printf("%-14s %14s %12s %10s %12s %12s%n", "database", "data.mdb size", "pages used",
                    "median ms", "bytes read", "rchar delta");
            for (Path p : List.of(small, big, small, big)) {
                measure(p, runs);
            }
            if (jar != null && Files.isExecutable(Path.of("/usr/bin/mdb_stat"))) {
                System.out.println();
                System.out.printf("%-40s %10s%n", "process (median of 10)", "ms");
                for (Path p : List.of(small, big)) {
                    System.out.printf("%-40s %10.1f%n", "mdb_stat -e -f -a " + p.getFileName(),
                            process(List.of("/usr/bin/mdb_stat", "-e", "-f", "-a", p.toString())));
                    System.out.printf("%-40s %10.1f%n", "dlv-audit stats " + p.getFileName(),
                            process(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                    "-jar", jar, "stats", p.toString())));
                    System.out.printf("%-40s %10.1f%n", "dlv-audit check --only db,dl " + p.getFileName(),
                            process(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                    "-jar", jar, "check", "--only", "db,dl", "--fail-on", "never", p.toString())));
                }
                System.out.println("(mdb_stat is run on these benchmark databases only: it takes locks and"
                        + " rewrites lock.mdb, which is why dlv-audit never runs it on an audited database)");
            }
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    static Path create(Path dir, long mapSize, boolean writemap) throws Exception {
        Files.createDirectories(dir);
        EnvFlags[] flags = writemap ? new EnvFlags[] {EnvFlags.MDB_WRITEMAP} : new EnvFlags[0];
        try (Env<byte[]> env = Env.create(ByteArrayProxy.PROXY_BA).setMapSize(mapSize).setMaxDbs(16).open(dir.toFile(), flags)) {
            for (String name : List.of("datalevin/eav", "datalevin/ave", "users")) {
                Dbi<byte[]> d = env.openDbi(name, DbiFlags.MDB_CREATE);
                try (Txn<byte[]> txn = env.txnWrite()) {
                    for (int i = 0; i < 1000; i++) {
                        d.put(txn, String.format("%s-%06d", name, i).getBytes(StandardCharsets.UTF_8), new byte[100]);
                    }
                    txn.commit();
                }
            }
        }
        return dir;
    }

    static void measure(Path db, int runs) throws Exception {
        for (int i = 0; i < 5; i++) {
            DatabaseReader.read(db);
        }
        long[] ns = new long[runs];
        long bytes = 0;
        long rchar0 = rchar();
        DatabaseFacts f = null;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            try (DatabaseReader r = DatabaseReader.open(db)) {
                f = r.facts();
                bytes = r.dataBytesRead();
            }
            ns[i] = System.nanoTime() - t0;
        }
        long rchar = (rchar() - rchar0) / runs;
        Arrays.sort(ns);
        System.out.printf("%-14s %14d %12d %10.3f %12d %12d%n", db.getFileName(), f.dataFileSize(),
                f.pagesUsed().getAsLong(), ns[runs / 2] / 1e6, bytes, rchar);
    }

    static long rchar() throws Exception {
        for (String l : Files.readAllLines(Path.of("/proc/self/io"))) {
            if (l.startsWith("rchar:")) {
                return Long.parseLong(l.substring(6).trim());
            }
        }
        return 0;
    }

    static double process(List<String> cmd) throws Exception {
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor();
            ms.add((System.nanoTime() - t0) / 1_000_000);
        }
        ms.sort(Long::compare);
        return ms.get(5);
    }
}
