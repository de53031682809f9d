package dev.dlvaudit.datalevin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import us.bpsm.edn.Keyword;

class NippyTest {

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replaceAll("[\\s|]", ""));
    }

    /** Builds bytes from ints and strings (strings as UTF-8). */
    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof String) {
                out.writeBytes(((String) p).getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) p);
            }
        }
        return out.toByteArray();
    }

    static Keyword kw(String name) {
        return Keyword.newKeyword(name);
    }

    @Test
    void workedExamplesOfTheDocs() {
        assertEquals(kw("max-readers"), Nippy.decode(bytes(0x6A, 0x0B, "max-readers")));
        assertEquals(1024L, Nippy.decode(hex("65 04 00")));
        assertEquals(126L, Nippy.decode(hex("64 7E")));
        assertEquals(true, Nippy.decode(hex("08")));
        assertEquals(false, Nippy.decode(hex("09")));
        assertEquals(Set.of(kw("nordahead"), kw("notls")),
                Nippy.decode(bytes(0x6F, 0x02, 0x6A, 0x09, "nordahead", 0x6A, 0x05, "notls")));
        assertEquals(Map.of(), Nippy.decode(hex("13")));
        assertEquals(Map.of(kw("flags"), Set.of(kw("nordahead"), kw("nosync"), kw("notls")),
                        kw("mapsize"), 2000L, kw("max-readers"), 256L),
                Nippy.decode(bytes(0x70, 0x03, 0x6A, 0x05, "flags", 0x6F, 0x03, 0x6A, 0x09, "nordahead",
                        0x6A, 0x06, "nosync", 0x6A, 0x05, "notls", 0x6A, 0x07, "mapsize", 0x65, 0x07, 0xD0,
                        0x6A, 0x0B, "max-readers", 0x65, 0x01, 0x00)));
        assertEquals(8L, Nippy.decode(hex("2A 00 00 00 08")), "a Java int reads as a long");
    }

    @Test
    void scalars() {
        assertNull(Nippy.decode(hex("03")));
        assertNull(Nippy.decode(hex("68")), "104, a legacy sentinel, reads as nil");
        assertEquals(0L, Nippy.decode(hex("00")));
        assertEquals(-2L, Nippy.decode(hex("64 FE")));
        assertEquals(-2L, Nippy.decode(hex("65 FF FE")));
        assertEquals(-2L, Nippy.decode(hex("66 FF FF FF FE")));
        assertEquals(8589934592L, Nippy.decode(hex("2B 00 00 00 02 00 00 00 00")));
        assertEquals(-3L, Nippy.decode(hex("28 FD")));
        assertEquals(300L, Nippy.decode(hex("29 01 2C")));
        // long-pos/neg: the field is signed, offset by MIN_VALUE (nippy's write-long)
        assertEquals(200L, Nippy.decode(hex("57 48")));       // 200 + Byte/MIN_VALUE = 72
        assertEquals(5L, Nippy.decode(hex("57 85")));         // 5 - 128 = -123
        assertEquals(255L, Nippy.decode(hex("57 7F")));
        assertEquals(40000L, Nippy.decode(hex("58 1C 40")));  // 40000 - 32768 = 7232
        assertEquals(3000000000L, Nippy.decode(hex("59 32 D0 5E 00"))); // 3e9 - 2^31
        assertEquals(-200L, Nippy.decode(hex("5D 48")));
        assertEquals(-40000L, Nippy.decode(hex("5E 1C 40")));
        assertEquals(-3000000000L, Nippy.decode(hex("5F 32 D0 5E 00")));
        assertEquals(0.0d, Nippy.decode(hex("37")));
        assertEquals(1.5d, Nippy.decode(hex("3D 3F F8 00 00 00 00 00 00")));
        assertEquals(1.5d, Nippy.decode(hex("3C 3F C0 00 00")));
    }

    @Test
    void strings() {
        assertEquals("", Nippy.decode(hex("22")));
        assertEquals("abc", Nippy.decode(bytes(105, 3, "abc")));
        assertEquals("abc", Nippy.decode(bytes(96, 0x83, "abc")), "str-sm*: 3 - 128 = -125 = 0x83");
        String s200 = "x".repeat(200);
        assertEquals(s200, Nippy.decode(bytes(96, 0x48, s200)));
        assertEquals("héllo", Nippy.decode(bytes(16, 0, 6, "héllo")));
        assertEquals("abc", Nippy.decode(bytes(13, 0, 0, 0, 3, "abc")));
    }

    @Test
    void keywords() {
        assertEquals(Keyword.newKeyword("wal", "marker-a"), Nippy.decode(bytes(106, 12, "wal/marker-a")));
        assertEquals(kw("strict"), Nippy.decode(bytes(85, 0, 6, "strict")));
        assertEquals(kw("strict"), Nippy.decode(bytes(12, 0, 6, "strict")));
        assertEquals(kw("strict"), Nippy.decode(bytes(77, 0, 0, 0, 6, "strict")));
        assertEquals(kw("strict"), Nippy.decode(bytes(14, 0, 0, 0, 6, "strict")));
    }

    @Test
    void collections() {
        assertEquals(Set.of(), Nippy.decode(hex("12")));
        assertEquals(Set.of(1L, 2L), Nippy.decode(hex("62 82 64 01 64 02")));
        assertEquals(Set.of(1L), Nippy.decode(hex("20 00 01 64 01")));
        assertEquals(Set.of(1L), Nippy.decode(hex("17 00 00 00 01 64 01")));
        assertEquals(Map.of(1L, 2L), Nippy.decode(hex("63 81 64 01 64 02")));
        assertEquals(Map.of(1L, 2L), Nippy.decode(hex("21 00 01 64 01 64 02")));
        assertEquals(Map.of(1L, 2L), Nippy.decode(hex("1E 00 00 00 01 64 01 64 02")));
        assertEquals(Map.of(1L, 2L), Nippy.decode(hex("16 00 00 00 01 64 01 64 02")));
        assertEquals(Map.of(1L, 2L), Nippy.decode(hex("1B 00 00 00 02 64 01 64 02")), "27: element count");
        assertEquals(Map.of(1L, 2L), Nippy.decode(hex("1D 00 00 00 02 64 01 64 02")));
        assertEquals(List.of(), Nippy.decode(hex("11")));
        assertEquals(List.of(1L, 2L), Nippy.decode(hex("71 64 01 64 02")));
        assertEquals(List.of(1L, 2L, 3L), Nippy.decode(hex("72 64 01 64 02 64 03")));
        assertEquals(List.of(1L), Nippy.decode(hex("6E 01 64 01")));
        assertEquals(List.of(1L), Nippy.decode(hex("61 81 64 01")));
        assertEquals(List.of(1L), Nippy.decode(hex("45 00 01 64 01")));
        assertEquals(List.of(1L), Nippy.decode(hex("15 00 00 00 01 64 01")));
        assertEquals(List.of(1L), Nippy.decode(bytes(25, 0x70, 1, 0x6A, 3, "doc", 0x08, 0x6E, 1, 0x64, 1)),
                "metadata skipped");
    }

    @Test
    void outsideTheSubsetIsUnsupportedNeverAGuess() {
        Unsupported u = assertInstanceOf(Unsupported.class, Nippy.decode(hex("5B 00 00")));  // uuid
        assertEquals(91, u.typeId());
        assertEquals(0, u.offset());
        u = assertInstanceOf(Unsupported.class, Nippy.decode(bytes(0x70, 1, 0x6A, 1, "a", 0x5A, 0, 0, 0, 0, 0, 0, 0, 0)));
        assertEquals(90, u.typeId(), "a date inside a map");
        assertEquals(5, u.offset());
        assertInstanceOf(Unsupported.class, Nippy.decode(hex("80")), "custom type id");
        assertInstanceOf(Unsupported.class, Nippy.decode(new byte[0]));
        assertInstanceOf(Unsupported.class, Nippy.decode(hex("08 08")), "trailing bytes");
    }

    @Test
    void hostileLengthsAndCountsAreBounded() {
        assertInstanceOf(Unsupported.class, Nippy.decode(hex("0D 7F FF FF FF 41")), "2 GiB string");
        assertInstanceOf(Unsupported.class, Nippy.decode(hex("0D FF FF FF FF")), "negative length");
        assertInstanceOf(Unsupported.class, Nippy.decode(hex("15 7F FF FF FF 03")), "2^31 vector");
        assertInstanceOf(Unsupported.class, Nippy.decode(hex("1E 7F FF FF FF 03 03")), "2^31 map");
        assertInstanceOf(Unsupported.class, Nippy.decode(hex("17 FF FF FF FF")), "negative count");
        assertInstanceOf(Unsupported.class, Nippy.decode(hex("2B 00 00")), "long cut short");
        assertInstanceOf(Unsupported.class, Nippy.decode(hex("1B 00 00 00 03 64 01 64 02 64 03")), "odd map");
        byte[] deep = new byte[100_000];
        for (int i = 0; i < deep.length - 1; i++) {
            deep[i] = 0x6E;        // vector of 1
            deep[++i] = 0x01;
        }
        deep[deep.length - 1] = 0x03;
        Unsupported u = assertInstanceOf(Unsupported.class, Nippy.decode(deep));
        assertEquals("nested deeper than " + Nippy.MAX_DEPTH, u.reason());
    }
}
