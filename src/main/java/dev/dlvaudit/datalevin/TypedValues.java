package dev.dlvaudit.datalevin;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import us.bpsm.edn.Keyword;

/**
 * Datalevin's typed key/value encoding (datalevin-facts.md §4), with plain nippy as the
 * fallback: keys and values of {@code datalevin/kv-info} can be either. A leading byte of
 * 0x80 or more is never a standard nippy type id (nippy keeps negative ids for custom types),
 * so the header byte tells the two apart.
 *
 * <p>Typed values decode to {@link Long} (0xC0/0xC1), {@link String} (0xFA), {@link Keyword}
 * (0xFB), {@link Boolean} (0xFD), {@link Bytes} (0xFE) and an unmodifiable {@link List} for a
 * 0xF4 heterogeneous tuple. Malformed input yields {@link Unsupported}.
 */
public final class TypedValues {

    public static final int LONG_NEG = 0xC0;
    public static final int LONG_POS = 0xC1;
    public static final int STRING = 0xFA;
    public static final int KEYWORD = 0xFB;
    public static final int BOOLEAN = 0xFD;
    public static final int BYTES = 0xFE;
    public static final int TUPLE = 0xF4;

    private TypedValues() {
    }

    /** A byte array value, with value equality and a hex rendering. */
    public record Bytes(byte[] bytes) {
        public Bytes {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        public int length() {
            return bytes.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes && Arrays.equals(bytes, ((Bytes) o).bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "#bytes[" + bytes.length + "] " + HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 32))
                    + (bytes.length > 32 ? "…" : "");
        }
    }

    /** True when {@code header} is one of Datalevin's typed headers this class decodes. */
    public static boolean isTypedHeader(int header) {
        switch (header & 0xFF) {
            case LONG_NEG: case LONG_POS: case STRING: case KEYWORD: case BOOLEAN: case BYTES: case TUPLE:
                return true;
            default:
                return false;
        }
    }

    /** A kv-info key or value: Datalevin-typed when the first byte is a typed header, else nippy. */
    public static Object decode(byte[] bytes) {
        if (bytes.length == 0) {
            return new Unsupported(-1, 0, "empty");
        }
        if ((bytes[0] & 0x80) != 0) {
            return decodeTyped(bytes, 0, bytes.length, true);
        }
        return Nippy.decode(bytes);
    }

    /** One typed value occupying exactly {@code bytes[from, to)}. */
    public static Object decodeTyped(byte[] bytes) {
        return decodeTyped(bytes, 0, bytes.length, true);
    }

    private static Object decodeTyped(byte[] b, int from, int to, boolean tupleAllowed) {
        if (from >= to) {
            return new Unsupported(-1, from, "empty typed value");
        }
        int header = b[from] & 0xFF;
        int p = from + 1;
        int len = to - p;
        switch (header) {
            case LONG_NEG:
            case LONG_POS: {
                if (len != 8) {
                    return new Unsupported(header, from, "a long needs 8 bytes, has " + len);
                }
                long v = 0;
                for (int i = 0; i < 8; i++) {
                    v = (v << 8) | (b[p + i] & 0xFF);
                }
                if ((header == LONG_POS) != (v >= 0)) {
                    return new Unsupported(header, from, "sign of " + v + " disagrees with its header");
                }
                return v;
            }
            case STRING:
                return new String(b, p, len, StandardCharsets.UTF_8);
            case KEYWORD: {
                int zero = -1;
                for (int i = p; i < to; i++) {
                    if (b[i] == 0) {
                        zero = i;
                        break;
                    }
                }
                if (zero < 0) {
                    return new Unsupported(header, from, "keyword without its 0x00 separator");
                }
                String ns = new String(b, p, zero - p, StandardCharsets.UTF_8);
                String name = new String(b, zero + 1, to - zero - 1, StandardCharsets.UTF_8);
                if (name.isEmpty()) {
                    return new Unsupported(header, from, "keyword with an empty name");
                }
                return ns.isEmpty() ? Keyword.newKeyword(name) : Keyword.newKeyword(ns, name);
            }
            case BOOLEAN:
                if (len == 1 && b[p] == 0x02) {
                    return Boolean.TRUE;
                }
                if (len == 1 && b[p] == 0x01) {
                    return Boolean.FALSE;
                }
                return new Unsupported(header, from, "a boolean is 0x01 or 0x02");
            case BYTES:
                return new Bytes(Arrays.copyOfRange(b, p, to));
            case TUPLE:
                if (!tupleAllowed) {
                    return new Unsupported(header, from, "a tuple inside a tuple");
                }
                return tuple(b, from, to);
            default:
                return new Unsupported(header, from, "not a Datalevin typed header this auditor decodes");
        }
    }

    /**
     * {@code F4 n | e1 [00] e2 [00] … en | FF | s1 … sn}: each size counts its element's header
     * and the 0x00 that separates it from the next element.
     */
    private static Object tuple(byte[] b, int from, int to) {
        if (to - from < 3) {
            return new Unsupported(TUPLE, from, "tuple too short");
        }
        int n = b[from + 1] & 0xFF;
        int sizesAt = to - n;
        if (n == 0 || sizesAt - 1 < from + 2 || (b[sizesAt - 1] & 0xFF) != 0xFF) {
            return new Unsupported(TUPLE, from, "tuple of " + n + " elements without its 0xFF size marker");
        }
        int p = from + 2;
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int size = b[sizesAt + i] & 0xFF;
            int elementEnd = p + size;
            if (size == 0 || elementEnd > sizesAt - 1) {
                return new Unsupported(TUPLE, p, "tuple element " + i + " of " + size + " bytes runs past the sizes");
            }
            int valueEnd = elementEnd;
            if (i < n - 1 && isVariable(b[p] & 0xFF)) {
                if (b[elementEnd - 1] != 0) {
                    return new Unsupported(TUPLE, elementEnd - 1, "tuple element " + i + " lacks its 0x00 separator");
                }
                valueEnd--;
            }
            Object v = decodeTyped(b, p, valueEnd, false);
            if (v instanceof Unsupported) {
                return v;
            }
            out.add(v);
            p = elementEnd;
        }
        if (p != sizesAt - 1) {
            return new Unsupported(TUPLE, p, "tuple sizes do not add up to its length");
        }
        return Collections.unmodifiableList(out);
    }

    private static boolean isVariable(int header) {
        return header == STRING || header == KEYWORD || header == BYTES;
    }
}
