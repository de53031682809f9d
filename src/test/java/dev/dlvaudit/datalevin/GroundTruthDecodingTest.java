package dev.dlvaudit.datalevin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import us.bpsm.edn.parser.Parsers;

/**
 * Every raw entry of {@code datalevin/opts}, {@code datalevin/kv-info} and {@code datalevin/meta}
 * recorded in the fixtures' GROUND_TRUTH.json, decoded by us and compared with Datalevin's own
 * decoding (its {@code pr-str}, read back with edn-java), entry by entry.
 */
class GroundTruthDecodingTest {

    static final String[][] SECTIONS = {
        {"opts_dbi_raw_entries", StoredOptions.OPTS},
        {"kv_info_raw_entries", StoredOptions.KV_INFO},
        {"meta_dbi_raw_entries", StoredOptions.META},
    };

    static JsonNode groundTruth(String fixture) throws IOException {
        return new ObjectMapper().readTree(Fixtures.fixture(fixture).resolve("GROUND_TRUTH.json").toFile());
    }

    static Object edn(String text) {
        return Parsers.newParser(Parsers.defaultConfiguration()).nextValue(Parsers.newParseable(text));
    }

    @Test
    void everyRecordedEntryDecodesAsDatalevinDecodedIt() throws IOException {
        int compared = 0;
        int bytesValues = 0;
        for (String fixture : Fixtures.ALL) {
            JsonNode gt = groundTruth(fixture);
            for (String[] section : SECTIONS) {
                JsonNode entries = gt.path(section[0]);
                for (JsonNode e : entries) {
                    String what = fixture + " " + section[1] + " " + e.get("key_hex").asText();
                    byte[] key = HexFormat.of().parseHex(e.get("key_hex").asText());
                    byte[] val = HexFormat.of().parseHex(e.get("val_hex").asText());
                    assertEquals(e.get("val_len").asInt(), val.length, what);
                    StoredOptions.Entry decoded = StoredOptions.decodeEntry(section[1], key, val);
                    assertFalse(decoded.unsupported(), what + " → " + decoded);
                    assertEquals(edn(e.get("key_decoded_edn").asText()), decoded.key(), what + " key");
                    if (":bytes".equals(e.get("val_type_used").asText())) {
                        // Datalevin printed the byte[] as #object[...]: compare with the raw bytes
                        assertEquals(0xFE, val[0] & 0xFF, what);
                        TypedValues.Bytes b = assertInstanceOf(TypedValues.Bytes.class, decoded.value(), what);
                        assertArrayEquals(Arrays.copyOfRange(val, 1, val.length), b.bytes(), what);
                        bytesValues++;
                    } else {
                        assertEquals(edn(e.get("val_decoded_edn").asText()), decoded.value(), what + " value");
                    }
                    compared++;
                }
            }
        }
        // 32+32 opts, 10+9+3+11 kv-info, 2+2 meta (dl-default-live-lock records kv-info only)
        assertEquals(101, compared, "entries compared");
        assertEquals(6, bytesValues, ":wal/marker-* values");
    }

    @Test
    void optsDbiAsAWholeEqualsDatalevinsDecodedMap() throws IOException {
        for (String fixture : List.of("dl-wal", "dl-nosync")) {
            JsonNode gt = groundTruth(fixture);
            java.util.Map<Object, Object> ours = new java.util.LinkedHashMap<>();
            for (JsonNode e : gt.get("opts_dbi_raw_entries")) {
                StoredOptions.Entry d = StoredOptions.decodeEntry(StoredOptions.OPTS,
                        HexFormat.of().parseHex(e.get("key_hex").asText()),
                        HexFormat.of().parseHex(e.get("val_hex").asText()));
                ours.put(d.key(), d.value());
            }
            assertEquals(edn(gt.get("opts_dbi_decoded_edn").asText()), ours, fixture);
            assertTrue(ours.size() >= 30, fixture);
        }
    }
}
