package dev.dlvaudit.datalevin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlvaudit.db.DatabaseFacts;
import dev.dlvaudit.db.DatabaseReader;
import dev.dlvaudit.db.DirectoryDbiEntries;
import dev.dlvaudit.db.WalkState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * End to end: {@code datalevin/opts}, {@code datalevin/kv-info} and {@code datalevin/meta} read from
 * each fixture's {@code data.mdb} by the database reader (DLMDB prefix-compressed keys, even padding),
 * then decoded, must equal what Datalevin 0.10.7 itself recorded in GROUND_TRUTH.json: the same raw
 * records in the same order, and the same decoded keys and values, entry by entry.
 */
class StoredOptionsThroughReaderTest {

    @ParameterizedTest
    @ValueSource(strings = {"dl-wal", "dl-nosync", "kv-default", "dl-default-live-lock"})
    void storedOptionsReadByTheReaderEqualDatalevinsOwn(String fixture) throws IOException {
        JsonNode gt = GroundTruthDecodingTest.groundTruth(fixture);
        DatabaseFacts facts = DatabaseReader.read(Fixtures.db(fixture));
        assertEquals(WalkState.COMPLETE, facts.walkState(), facts.problems().toString());
        assertTrue(facts.problems().isEmpty(), facts.problems().toString());
        List<String> listed = new ArrayList<>();
        gt.get("list_dbis").forEach(n -> listed.add(n.asText()));
        listed.add(StoredOptions.KV_INFO); // Datalevin's list-dbis leaves its own kv-info DBI out
        DirectoryDbiEntries entries = new DirectoryDbiEntries(Fixtures.db(fixture));
        assertEquals(listed.stream().sorted().toList(), entries.dbiNames().stream().sorted().toList(), fixture);

        StoredOptions stored = StoredOptions.read(entries);
        assertTrue(stored.notes().isEmpty(), stored.notes().toString());
        assertTrue(stored.unsupported().isEmpty(), stored.unsupported().toString());
        assertEquals(listed.contains(StoredOptions.OPTS), stored.hasOpts(), fixture);
        assertEquals(listed.contains(StoredOptions.META), stored.hasMeta(), fixture);
        assertTrue(stored.hasKvInfo(), fixture + ": every Datalevin store has datalevin/kv-info");

        int compared = 0;
        for (String[] section : GroundTruthDecodingTest.SECTIONS) {
            if (!gt.has(section[0])) {
                continue;
            }
            List<StoredOptions.Entry> ours = switch (section[1]) {
                case StoredOptions.OPTS -> stored.opts();
                case StoredOptions.KV_INFO -> stored.kvInfo();
                default -> stored.meta();
            };
            JsonNode recorded = gt.get(section[0]);
            assertEquals(recorded.size(), ours.size(), fixture + " " + section[1] + " entry count");
            for (int i = 0; i < recorded.size(); i++) {
                JsonNode e = recorded.get(i);
                StoredOptions.Entry o = ours.get(i);
                String what = fixture + " " + section[1] + " #" + i + " " + e.get("key_hex").asText();
                assertEquals(e.get("key_hex").asText(), HexFormat.of().formatHex(o.rawKey()), what + " raw key");
                assertEquals(e.get("val_hex").asText(), HexFormat.of().formatHex(o.rawValue()), what + " raw value");
                assertEquals(GroundTruthDecodingTest.edn(e.get("key_decoded_edn").asText()), o.key(), what + " key");
                if (!":bytes".equals(e.get("val_type_used").asText())) {
                    assertEquals(GroundTruthDecodingTest.edn(e.get("val_decoded_edn").asText()), o.value(),
                            what + " value");
                } else {
                    assertTrue(o.value() instanceof TypedValues.Bytes, what);
                }
                compared++;
            }
        }
        if (gt.has("opts_dbi_decoded_edn")) {
            Map<Object, Object> map = new LinkedHashMap<>();
            stored.opts().forEach(e -> map.put(e.key(), e.value()));
            assertEquals(GroundTruthDecodingTest.edn(gt.get("opts_dbi_decoded_edn").asText()), map, fixture + " opts");
            compared += map.size();
        } else {
            assertFalse(stored.hasOpts(), fixture);
        }
        assertTrue(compared > 0, fixture);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dl-wal", "dl-nosync", "kv-default", "dl-default-live-lock"})
    void kvInfoAsAWholeEqualsDatalevinsDecodedKvInfo(String fixture) throws IOException {
        JsonNode gt = GroundTruthDecodingTest.groundTruth(fixture);
        StoredOptions stored = StoredOptions.read(new DirectoryDbiEntries(Fixtures.db(fixture)));
        // Datalevin folds the [:dbis name] tuples into one :dbis map and leaves the :wal/marker-* bytes out
        Map<Object, Object> ours = new LinkedHashMap<>();
        Map<Object, Object> dbis = new LinkedHashMap<>();
        for (StoredOptions.Entry e : stored.kvInfo()) {
            if (e.key() instanceof List<?> t && t.size() == 2 && Values.keyword("dbis").equals(t.get(0))) {
                dbis.put(t.get(1), e.value());
            } else if (!(e.value() instanceof TypedValues.Bytes)) {
                ours.put(e.key(), e.value());
            }
        }
        if (!dbis.isEmpty()) {
            ours.put(Values.keyword("dbis"), dbis);
        }
        assertEquals(GroundTruthDecodingTest.edn(gt.get("kv_info_persisted_decoded_by_datalevin_edn").asText()),
                ours, fixture);
    }
}
