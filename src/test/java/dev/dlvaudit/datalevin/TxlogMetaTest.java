package dev.dlvaudit.datalevin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TxlogMetaTest {

    @TempDir
    Path tmp;

    static byte[] slot(long revision, long committed, long durable, long applied, long updatedMs) {
        ByteBuffer bb = ByteBuffer.allocate(68);
        bb.put("DLTM".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0).putShort((short) 0);
        bb.putLong(revision).putLong(committed).putLong(durable).putLong(applied)
                .putLong(1).putLong(4096).putLong(updatedMs);
        CRC32C crc = new CRC32C();
        crc.update(bb.array(), 0, 64);
        bb.putInt((int) crc.getValue());
        return bb.array();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    Path write(String name, byte[] bytes) throws IOException {
        return Files.write(tmp.resolve(name), bytes);
    }

    @Test
    void oneSlotFixtures() throws IOException {
        // dl-wal: committed = durable = applied = 6 in the file (flushed lazily: Datalevin reported 13)
        TxlogMeta m = TxlogMeta.read(Fixtures.db("dl-wal").resolve("txlog/meta"));
        assertEquals(TxlogMeta.State.OK, m.state());
        assertEquals(1, m.slots().size());
        TxlogMeta.Slot s = m.current().orElseThrow();
        assertEquals(0, s.revision());
        assertEquals(6, s.lastCommittedLsn());
        assertEquals(6, s.lastDurableLsn());
        assertEquals(6, s.lastAppliedLsn());
        assertEquals(1, s.segmentId());
        assertEquals(0x6253fL, s.segmentOffset());
        assertEquals(0x1a20a352a9fL, s.updatedMs());
        assertEquals(0x5636bce0L, s.storedCrc());
        assertTrue(s.crcOk());

        TxlogMeta n = TxlogMeta.read(Fixtures.db("dl-nosync").resolve("txlog/meta"));
        assertEquals(8, n.current().orElseThrow().lastCommittedLsn());
    }

    @Test
    void twoSlotFixtureNewestRevisionWins() throws IOException {
        TxlogMeta m = TxlogMeta.read(Fixtures.db("dl-default-live-lock").resolve("txlog/meta"));
        assertEquals(TxlogMeta.State.OK, m.state());
        assertEquals(2, m.slots().size());
        assertTrue(m.slots().get(0).valid());
        assertTrue(m.slots().get(1).valid());
        TxlogMeta.Slot s = m.current().orElseThrow();
        assertEquals(1, s.index());
        assertEquals(1, s.revision());
        // Datalevin reported last-committed/durable/applied-lsn 14 (txlog_watermarks_edn)
        assertEquals(14, s.lastCommittedLsn());
        assertEquals(14, s.lastDurableLsn());
        assertEquals(14, s.lastAppliedLsn());
        assertEquals(0x1df70fL, s.segmentOffset());
    }

    @Test
    void madeUpTwoSlotsHigherRevisionWinsWhateverItsOffset() throws IOException {
        Path p = write("meta", concat(slot(7, 100, 90, 95, 1000), slot(6, 80, 80, 80, 900)));
        TxlogMeta m = TxlogMeta.read(p);
        assertEquals(TxlogMeta.State.OK, m.state());
        TxlogMeta.Slot s = m.current().orElseThrow();
        assertEquals(7, s.revision());
        assertEquals(0, s.index());
        assertEquals(10, s.durableLag());
        assertEquals(5, s.appliedLag());
    }

    @Test
    void badCrcSlotIsIgnored() throws IOException {
        byte[] newer = slot(9, 100, 100, 100, 1000);
        newer[20] ^= 0x01; // damage the committed LSN
        Path p = write("meta", concat(slot(8, 50, 50, 50, 900), newer));
        TxlogMeta m = TxlogMeta.read(p);
        assertEquals(TxlogMeta.State.OK, m.state());
        assertEquals(8, m.current().orElseThrow().revision());
        assertFalse(m.slots().get(1).crcOk());
        assertEquals(1, m.problems().size());
        assertTrue(m.problems().get(0).contains("CRC32C"), m.problems().toString());
    }

    @Test
    void oneSlotWithABadCrcHasNoValidSlot() throws IOException {
        byte[] only = slot(1, 5, 5, 5, 1);
        only[67] ^= 0x10;
        TxlogMeta m = TxlogMeta.read(write("meta", only));
        assertEquals(TxlogMeta.State.NO_VALID_SLOT, m.state());
        assertTrue(m.current().isEmpty());
    }

    @Test
    void zeroedFileHasNoValidSlot() throws IOException {
        TxlogMeta m = TxlogMeta.read(write("meta", new byte[136]));
        assertEquals(TxlogMeta.State.NO_VALID_SLOT, m.state());
        assertTrue(m.problems().get(0).contains("magic"), m.problems().toString());
    }

    @Test
    void wrongSizesAreCutShort() throws IOException {
        TxlogMeta hundred = TxlogMeta.read(write("m100", concat(slot(3, 1, 1, 1, 1), new byte[32])));
        assertEquals(TxlogMeta.State.CUT_SHORT, hundred.state());
        assertEquals(100, hundred.fileSize());
        assertEquals(1, hundred.slots().size(), "the whole slot is still decoded");
        assertTrue(hundred.problems().get(0).contains("100 bytes"), hundred.problems().toString());
        assertEquals(TxlogMeta.State.CUT_SHORT, TxlogMeta.read(write("m0", new byte[0])).state());
        assertEquals(TxlogMeta.State.CUT_SHORT, TxlogMeta.read(write("m40", new byte[40])).state());
        assertEquals(TxlogMeta.State.CUT_SHORT, TxlogMeta.read(write("m1m", new byte[1 << 20])).state());
    }
}
