package dev.dlvaudit.db;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Positional, read-only access to {@code data.mdb}: {@code FileChannel.open(path, READ)}, no map,
 * no lock. Every page number is checked against the last used page and the file's size first.
 */
final class PageFile implements Closeable {
    final Path path;
    private final FileChannel channel;
    /** The file's size when last looked at; refreshed when a page seems beyond it (a writer may have grown it). */
    long size;
    int pageSize;
    /** Pages above this are not in use by the snapshot being read; Long.MAX_VALUE before a meta is chosen. */
    long lastPage = Long.MAX_VALUE;
    long bytesRead;

    PageFile(Path path) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
        this.size = channel.size();
    }

    /** Reads exactly {@code len} bytes at {@code offset}, or fails naming the truncation. */
    byte[] read(long offset, int len) throws DatabaseFormatException {
        if (offset + len > size && offset + len > 0) {
            refreshSize();
        }
        if (offset < 0 || len < 0 || offset + len > size || offset + len < 0) {
            long page = pageSize > 0 ? Math.max(offset, size) / pageSize : 0;
            if (pageSize > 0 && offset + len > size) {
                page = Math.max(offset / pageSize, size / pageSize);
            }
            throw new DatabaseFormatException(Problem.Kind.TRUNCATED, path,
                    "truncated: page " + page + " lies beyond the end of the file (size " + size + ")");
        }
        byte[] b = new byte[len];
        ByteBuffer buf = ByteBuffer.wrap(b);
        try {
            while (buf.hasRemaining()) {
                int n = channel.read(buf, offset + buf.position());
                if (n < 0) {
                    throw new DatabaseFormatException(Problem.Kind.TRUNCATED, path,
                            "truncated: the file ended at " + (offset + buf.position()) + " while reading");
                }
            }
        } catch (DatabaseFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new DatabaseFormatException(Problem.Kind.IO_ERROR, path,
                    "read error at offset " + offset + ": " + e.getMessage());
        }
        bytesRead += len;
        return b;
    }

    /** Whole pages in the file. */
    long filePages() {
        return pageSize == 0 ? 0 : size / pageSize;
    }

    /** Page {@code pgno} of a tree, checked: within the snapshot's used pages and the file. */
    Page page(long pgno, String what) throws DatabaseFormatException {
        checkPageNumber(pgno, 1, what);
        Page p = new Page(read(pgno * pageSize, pageSize), 0, pageSize, pgno);
        if (p.pgno() != pgno) {
            throw corrupt(pgno, what + ": page header says page " + Long.toUnsignedString(p.pgno()));
        }
        return p;
    }

    void checkPageNumber(long pgno, long count, String what) throws DatabaseFormatException {
        if (pgno < 2 || Long.compareUnsigned(pgno, lastPage) > 0 || count < 1
                || Long.compareUnsigned(pgno + count - 1, lastPage) > 0 || pgno + count - 1 < pgno) {
            throw corrupt(pgno, what + ": page number " + Long.toUnsignedString(pgno)
                    + (count > 1 ? " (+" + (count - 1) + " overflow pages)" : "")
                    + " is outside the used pages 2.." + lastPage);
        }
        long endPage = pgno + count; // exclusive
        if (endPage > filePages()) {
            refreshSize();
        }
        if (endPage > filePages()) {
            long missing = Math.max(pgno, filePages());
            throw new DatabaseFormatException(Problem.Kind.TRUNCATED, path, "truncated: page " + missing
                    + " lies beyond the end of the file (size " + size + ")" + " (reading " + what + ")");
        }
    }

    /** Looks at the file's size again: a live writer grows the file before it commits a meta using the new pages. */
    long refreshSize() {
        try {
            size = Math.max(size, channel.size());
        } catch (IOException e) {
            // keep the old size: the check that follows reports the page as beyond the end
        }
        return size;
    }

    DatabaseFormatException corrupt(long pgno, String what) {
        return new DatabaseFormatException(Problem.Kind.PAGE_CORRUPT, path,
                "corrupt page " + Long.toUnsignedString(pgno) + ": " + what);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
