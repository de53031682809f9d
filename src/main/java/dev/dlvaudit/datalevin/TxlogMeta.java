package dev.dlvaudit.datalevin;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * {@code txlog/meta} of a Datalevin WAL (datalevin-facts.md §5): one 68-byte slot (a young
 * WAL store) or two at offsets 0 and 68. A slot is a 64-byte big-endian payload
 * ({@code "DLTM"}, major u8 = 1, flags u8, reserved u16, revision, last-committed-lsn,
 * last-durable-lsn, last-applied-lsn, segment-id, segment-offset, updated-ms, all i64) and the
 * CRC32C of the payload as a big-endian u32. The valid slot with the higher revision is current.
 */
public record TxlogMeta(Path path, long fileSize, State state, List<Slot> slots) {

    public static final int SLOT_SIZE = 68;
    public static final int PAYLOAD_SIZE = 64;
    private static final byte[] MAGIC = "DLTM".getBytes(StandardCharsets.US_ASCII);

    public TxlogMeta {
        slots = List.copyOf(slots);
    }

    public enum State {
        /** At least one slot is valid. */
        OK,
        /** The file has the right size but no slot has a valid magic, version and CRC. */
        NO_VALID_SLOT,
        /** The file is neither 68 nor 136 bytes: a slot was cut short. */
        CUT_SHORT
    }

    /** One slot, decoded whatever its validity; {@link #problem} says why it is not valid. */
    public record Slot(int index, int offset, boolean magicOk, int major, int flags, long revision,
                       long lastCommittedLsn, long lastDurableLsn, long lastAppliedLsn,
                       long segmentId, long segmentOffset, long updatedMs,
                       long storedCrc, long computedCrc) {

        public boolean crcOk() {
            return storedCrc == computedCrc;
        }

        public boolean valid() {
            return magicOk && major == 1 && crcOk();
        }

        /** Empty when valid. */
        public Optional<String> problem() {
            if (!magicOk) {
                return Optional.of("slot " + index + " (offset " + offset + "): magic is not \"DLTM\"");
            }
            if (major != 1) {
                return Optional.of("slot " + index + " (offset " + offset + "): major version " + major + ", expected 1");
            }
            if (!crcOk()) {
                return Optional.of(String.format("slot %d (offset %d): CRC32C stored 0x%08x, computed 0x%08x",
                        index, offset, storedCrc, computedCrc));
            }
            return Optional.empty();
        }

        /** LSNs committed but not yet durable: at risk on power loss. */
        public long durableLag() {
            return lastCommittedLsn - lastDurableLsn;
        }

        /** LSNs committed but not yet applied to LMDB. */
        public long appliedLag() {
            return lastCommittedLsn - lastAppliedLsn;
        }
    }

    public static TxlogMeta read(Path path) throws IOException {
        long size = Files.size(path);
        if (size != SLOT_SIZE && size != 2 * SLOT_SIZE) {
            // never read more than two slots' worth of a file that is the wrong size
            byte[] head = new byte[(int) Math.min(size, 2 * SLOT_SIZE)];
            try (var in = Files.newInputStream(path)) {
                int n = in.readNBytes(head, 0, head.length);
                return parse(path, size, java.util.Arrays.copyOf(head, n));
            }
        }
        return parse(path, size, Files.readAllBytes(path));
    }

    /** Parses the file's bytes; {@code fileSize} decides {@link State#CUT_SHORT}. */
    public static TxlogMeta parse(Path path, long fileSize, byte[] bytes) {
        List<Slot> slots = new ArrayList<>(2);
        for (int i = 0; i < 2 && (i + 1) * SLOT_SIZE <= bytes.length; i++) {
            slots.add(slot(bytes, i));
        }
        State state;
        if (fileSize != SLOT_SIZE && fileSize != 2 * SLOT_SIZE) {
            state = State.CUT_SHORT;
        } else if (slots.stream().anyMatch(Slot::valid)) {
            state = State.OK;
        } else {
            state = State.NO_VALID_SLOT;
        }
        return new TxlogMeta(path, fileSize, state, slots);
    }

    private static Slot slot(byte[] b, int index) {
        int off = index * SLOT_SIZE;
        ByteBuffer bb = ByteBuffer.wrap(b, off, SLOT_SIZE); // big-endian by default
        boolean magicOk = true;
        for (int i = 0; i < 4; i++) {
            magicOk &= bb.get() == MAGIC[i];
        }
        int major = bb.get() & 0xFF;
        int flags = bb.get() & 0xFF;
        bb.getShort();
        long revision = bb.getLong();
        long committed = bb.getLong();
        long durable = bb.getLong();
        long applied = bb.getLong();
        long segmentId = bb.getLong();
        long segmentOffset = bb.getLong();
        long updatedMs = bb.getLong();
        long storedCrc = bb.getInt() & 0xFFFFFFFFL;
        CRC32C crc = new CRC32C();
        crc.update(b, off, PAYLOAD_SIZE);
        return new Slot(index, off, magicOk, major, flags, revision, committed, durable, applied,
                segmentId, segmentOffset, updatedMs, storedCrc, crc.getValue());
    }

    /** The valid slot with the highest revision. */
    public Optional<Slot> current() {
        return slots.stream().filter(Slot::valid).max(Comparator.comparingLong(Slot::revision));
    }

    /** Why slots are not valid, one line each. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (state == State.CUT_SHORT) {
            out.add(path + " is " + fileSize + " bytes, expected " + SLOT_SIZE + " (one slot) or "
                    + (2 * SLOT_SIZE) + " (two slots): a slot was cut short");
        }
        slots.forEach(s -> s.problem().ifPresent(out::add));
        return out;
    }
}
