package dev.dlvaudit.datalevin;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The files of a WAL directory ({@code txlog/}, or {@code :wal-dir}): segments
 * {@code segment-%016d.wal}, preallocated {@code .wal.tmp} files (counted apart: they are
 * zeros), {@code meta} and the lock files Datalevin creates. Only listed and stat'ed;
 * {@code meta} is read with {@link TxlogMeta#read}.
 */
public record WalFiles(Path dir, List<Segment> segments, List<Segment> preallocated,
                       Optional<Path> metaFile, List<String> lockFiles) {

    static final Pattern SEGMENT = Pattern.compile("segment-(\\d{16})\\.wal");
    static final Pattern PREALLOCATED = Pattern.compile("segment-(\\d{16})\\.wal\\.tmp");
    static final List<String> LOCKS = List.of("meta.lock", "sync.lock", "recovery.lock", "maintenance.lock");
    /** Directory entries looked at, at most: a bound against a directory of millions of files. */
    static final int MAX_ENTRIES = 1_000_000;

    public WalFiles {
        segments = List.copyOf(segments);
        preallocated = List.copyOf(preallocated);
        lockFiles = List.copyOf(lockFiles);
    }

    public record Segment(Path path, long id, long size) {
    }

    public static WalFiles read(Path dir) throws IOException {
        List<Segment> segments = new ArrayList<>();
        List<Segment> tmp = new ArrayList<>();
        List<String> locks = new ArrayList<>();
        int seen = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (++seen > MAX_ENTRIES) {
                    break;
                }
                String name = p.getFileName().toString();
                var m = SEGMENT.matcher(name);
                var t = PREALLOCATED.matcher(name);
                if (m.matches() && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    segments.add(new Segment(p, Long.parseLong(m.group(1)), Files.size(p)));
                } else if (t.matches() && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    tmp.add(new Segment(p, Long.parseLong(t.group(1)), Files.size(p)));
                } else if (LOCKS.contains(name)) {
                    locks.add(name);
                }
            }
        }
        segments.sort((a, b) -> Long.compare(a.id(), b.id()));
        tmp.sort((a, b) -> Long.compare(a.id(), b.id()));
        locks.sort(null);
        Path meta = dir.resolve("meta");
        return new WalFiles(dir, segments, tmp, Files.isRegularFile(meta) ? Optional.of(meta) : Optional.empty(), locks);
    }

    public long segmentBytes() {
        return segments.stream().mapToLong(Segment::size).sum();
    }

    public long preallocatedBytes() {
        return preallocated.stream().mapToLong(Segment::size).sum();
    }
}
