package dev.dlvaudit.datalevin;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import us.bpsm.edn.Keyword;

/**
 * Decodes the subset of nippy's headerless "fast-freeze" format that Datalevin uses for option
 * values (datalevin-facts.md §3; type ids checked against {@code taoensso.nippy/types-spec}).
 *
 * <p>Values become {@code null}, {@link Boolean}, {@link Long} (every integer type),
 * {@link Double} (float and double), {@link String}, {@link Keyword}, an unmodifiable
 * {@link Set}, {@link Map} (insertion order) or {@link List}. Anything else, and any length or
 * count that would run past the end of the bytes, yields an {@link Unsupported} for the whole
 * value: never an exception, never a guess. Allocation is bounded by the input length (every
 * element takes at least one byte) and nesting by {@link #MAX_DEPTH}.
 */
public final class Nippy {

    /** Deepest nesting accepted; option maps are two or three levels deep. */
    public static final int MAX_DEPTH = 64;

    private Nippy() {
    }

    /** Decodes one value that must take exactly all of {@code bytes}. */
    public static Object decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /** Decodes one value that must take exactly {@code bytes[from, to)}. */
    public static Object decode(byte[] bytes, int from, int to) {
        Reader r = new Reader(bytes, from, to);
        try {
            Object value = r.value(0);
            if (r.pos != to) {
                return new Unsupported(-1, r.pos - from, (to - r.pos) + " trailing bytes after the value");
            }
            return value;
        } catch (Stop stop) {
            return new Unsupported(stop.typeId, stop.offset - from, stop.getMessage());
        }
    }

    /** True when {@code value} is or contains an {@link Unsupported}. */
    public static boolean isUnsupported(Object value) {
        return value instanceof Unsupported;
    }

    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int typeId;
        final int offset;

        Stop(int typeId, int offset, String message) {
            super(message, null, false, false);
            this.typeId = typeId;
            this.offset = offset;
        }
    }

    private static final class Reader {
        final byte[] b;
        final int end;
        int pos;

        Reader(byte[] b, int from, int to) {
            if (from < 0 || to > b.length || from > to) {
                throw new IndexOutOfBoundsException("range " + from + ".." + to + " of " + b.length);
            }
            this.b = b;
            this.pos = from;
            this.end = to;
        }

        void need(int n, int typeId, String what) {
            if (n < 0 || n > end - pos) {
                throw new Stop(typeId, pos, what + " needs " + n + " bytes, " + (end - pos) + " left");
            }
        }

        int u8(int typeId) {
            need(1, typeId, "a 1-byte field");
            return b[pos++] & 0xFF;
        }

        int i8(int typeId) {
            need(1, typeId, "a 1-byte field");
            return b[pos++];
        }

        int i16(int typeId) {
            need(2, typeId, "a 2-byte field");
            int v = (short) (((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF));
            pos += 2;
            return v;
        }

        int i32(int typeId) {
            need(4, typeId, "a 4-byte field");
            int v = ((b[pos] & 0xFF) << 24) | ((b[pos + 1] & 0xFF) << 16) | ((b[pos + 2] & 0xFF) << 8)
                    | (b[pos + 3] & 0xFF);
            pos += 4;
            return v;
        }

        long i64(int typeId) {
            long hi = i32(typeId) & 0xFFFFFFFFL;
            long lo = i32(typeId) & 0xFFFFFFFFL;
            return (hi << 32) | lo;
        }

        String utf8(int length, int typeId) {
            if (length < 0) {
                throw new Stop(typeId, pos, "negative length " + length);
            }
            need(length, typeId, "a string of " + length + " bytes");
            String s = new String(b, pos, length, StandardCharsets.UTF_8);
            pos += length;
            return s;
        }

        /** A count of elements, each at least one byte, so it cannot exceed what is left. */
        int count(long n, int perElement, int typeId) {
            if (n < 0 || n * perElement > end - pos) {
                throw new Stop(typeId, pos, "count " + n + " exceeds the " + (end - pos) + " bytes left");
            }
            return (int) n;
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw new Stop(-1, pos, "nested deeper than " + MAX_DEPTH);
            }
            int at = pos;
            int id = i8(-1);
            switch (id) {
                case 3: case 104: return null;
                case 8: return Boolean.TRUE;
                case 9: return Boolean.FALSE;
                case 0: return 0L;
                case 100: case 40: return (long) i8(id);
                case 101: case 41: return (long) i16(id);
                case 102: case 42: return (long) i32(id);
                case 43: return i64(id);
                // long-pos/neg: the stored field is signed and offset by its type's MIN_VALUE
                case 87: return (long) i8(id) + 128L;
                case 88: return (long) i16(id) + 32768L;
                case 89: return (long) i32(id) + 2147483648L;
                case 93: return -((long) i8(id) + 128L);
                case 94: return -((long) i16(id) + 32768L);
                case 95: return -((long) i32(id) + 2147483648L);
                case 55: return 0.0d;
                case 60: return (double) Float.intBitsToFloat(i32(id));
                case 61: return Double.longBitsToDouble(i64(id));
                case 34: return "";
                case 105: return utf8(i8(id), id);
                case 96: return utf8(i8(id) + 128, id);
                case 16: return utf8(i16(id), id);
                case 13: return utf8(i32(id), id);
                case 106: return keyword(utf8(i8(id), id));
                case 85: return keyword(utf8(i16(id), id));
                case 12: return keyword(utf8(i16(id) & 0xFFFF, id)); // legacy: DataOutput.writeUTF length
                case 77: case 14: return keyword(utf8(i32(id), id));
                case 18: return Collections.emptySet();
                case 111: return set(count(i8(id), 1, id), depth);
                case 98: return set(count(i8(id) + 128, 1, id), depth);
                case 32: return set(count(i16(id), 1, id), depth);
                case 23: return set(count(i32(id), 1, id), depth);
                case 19: return Collections.emptyMap();
                case 112: return map(count(i8(id), 2, id), depth);
                case 99: return map(count(i8(id) + 128, 2, id), depth);
                case 33: return map(count(i16(id), 2, id), depth);
                case 30: case 22: return map(count(i32(id), 2, id), depth);
                case 27: case 29: {
                    int elements = i32(id);
                    if (elements % 2 != 0) {
                        throw new Stop(id, at, "odd element count " + elements + " for a map");
                    }
                    return map(count(elements / 2, 2, id), depth);
                }
                case 17: return Collections.emptyList();
                case 113: return vector(2, depth);
                case 114: return vector(3, depth);
                case 110: return vector(count(i8(id), 1, id), depth);
                case 97: return vector(count(i8(id) + 128, 1, id), depth);
                case 69: return vector(count(i16(id), 1, id), depth);
                case 21: return vector(count(i32(id), 1, id), depth);
                case 25: {
                    value(depth + 1); // metadata map, ignored
                    return value(depth + 1);
                }
                default:
                    throw new Stop(id & 0xFF, at, "type id outside the supported nippy subset");
            }
        }

        Set<Object> set(int n, int depth) {
            Set<Object> s = new LinkedHashSet<>();
            for (int i = 0; i < n; i++) {
                s.add(value(depth + 1));
            }
            return Collections.unmodifiableSet(s);
        }

        Map<Object, Object> map(int n, int depth) {
            Map<Object, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                Object k = value(depth + 1);
                m.put(k, value(depth + 1));
            }
            return Collections.unmodifiableMap(m);
        }

        List<Object> vector(int n, int depth) {
            List<Object> l = new ArrayList<>(Math.min(n, end - pos));
            for (int i = 0; i < n; i++) {
                l.add(value(depth + 1));
            }
            return Collections.unmodifiableList(l);
        }
    }

    /** Clojure's {@code (keyword "ns/name")}: splits at the first slash unless the name is "/". */
    static Keyword keyword(String full) {
        int slash = full.indexOf('/');
        if (slash > 0 && slash < full.length() - 1) {
            return Keyword.newKeyword(full.substring(0, slash), full.substring(slash + 1));
        }
        return Keyword.newKeyword(full);
    }
}
