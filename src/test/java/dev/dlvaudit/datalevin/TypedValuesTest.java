package dev.dlvaudit.datalevin;

import static dev.dlvaudit.datalevin.NippyTest.bytes;
import static dev.dlvaudit.datalevin.NippyTest.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import us.bpsm.edn.Keyword;

class TypedValuesTest {

    @Test
    void longs() {
        assertEquals(1795467587074L, TypedValues.decode(hex("c1000001a20a352e02")));
        assertEquals(11L, TypedValues.decode(hex("c1000000000000000b")));
        assertEquals(-1L, TypedValues.decode(hex("c0ffffffffffffffff")));
        assertInstanceOf(Unsupported.class, TypedValues.decode(hex("c1ffffffffffffffff")), "sign vs header");
        assertInstanceOf(Unsupported.class, TypedValues.decode(hex("c10000")), "cut short");
    }

    @Test
    void scalars() {
        assertEquals("datalevin/eav", TypedValues.decode(bytes(0xFA, "datalevin/eav")));
        assertEquals(Keyword.newKeyword("wal", "marker-a"), TypedValues.decode(bytes(0xFB, "wal", 0, "marker-a")));
        assertEquals(Keyword.newKeyword("dbis"), TypedValues.decode(bytes(0xFB, 0, "dbis")));
        assertEquals(true, TypedValues.decode(hex("FD 02")));
        assertEquals(false, TypedValues.decode(hex("FD 01")));
        assertInstanceOf(Unsupported.class, TypedValues.decode(hex("FD 03")));
        assertEquals(new TypedValues.Bytes(hex("444c434d")), TypedValues.decode(hex("FE 444c434d")));
        assertInstanceOf(Unsupported.class, TypedValues.decode(hex("F0 01")), "unknown typed header");
    }

    @Test
    void tupleOfTheDocs() {
        byte[] key = bytes(0xF4, 0x02, 0xFB, 0x00, "dbis", 0x00, 0xFA, "datalevin/eav", 0xFF, 0x07, 0x0E);
        assertEquals(List.of(Keyword.newKeyword("dbis"), "datalevin/eav"), TypedValues.decode(key));
    }

    @Test
    void tupleWithFixedSizeElements() {
        byte[] key = bytes(0xF4, 0x03, 0xC1, 0, 0, 0, 0, 0, 0, 0, 5, 0xFD, 0x02, 0xFA, "x", 0xFF, 9, 2, 2);
        assertEquals(List.of(5L, true, "x"), TypedValues.decode(key));
    }

    @Test
    void malformedTuples() {
        assertInstanceOf(Unsupported.class, TypedValues.decode(hex("F4")));
        assertInstanceOf(Unsupported.class, TypedValues.decode(hex("F4 02 FA 41 FF 02")), "sizes missing");
        assertInstanceOf(Unsupported.class,
                TypedValues.decode(bytes(0xF4, 0x02, 0xFB, 0x00, "dbis", 0x00, 0xFA, "ab", 0xFF, 0x07, 0x09)),
                "sizes beyond the end");
        assertInstanceOf(Unsupported.class,
                TypedValues.decode(bytes(0xF4, 0x01, 0xFA, "ab", 0xFF, 0x02)), "sizes short of the length");
    }

    @Test
    void plainNippyFallsThrough() {
        assertEquals(Keyword.newKeyword("max-val-size"), TypedValues.decode(hex("6a0c6d61782d76616c2d73697a65")));
        assertEquals(16384L, TypedValues.decode(hex("654000")));
    }
}
