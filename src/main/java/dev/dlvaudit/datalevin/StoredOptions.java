package dev.dlvaudit.datalevin;

import dev.dlvaudit.db.DbiEntries;
import dev.dlvaudit.db.KeyValue;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import us.bpsm.edn.Keyword;

/**
 * What a Datalevin database records about its own configuration (datalevin-facts.md §2):
 * {@code datalevin/opts} (option name as raw UTF-8 → nippy), {@code datalevin/kv-info}
 * (nippy or typed keys and values; a hint only) and {@code datalevin/meta} (name → 0xC1 long).
 * A KV store has no {@code datalevin/opts}: its application options are not recorded.
 */
public record StoredOptions(List<Entry> opts, List<Entry> kvInfo, List<Entry> meta,
                            boolean hasOpts, boolean hasKvInfo, boolean hasMeta, List<String> notes) {

    public static final String OPTS = "datalevin/opts";
    public static final String KV_INFO = "datalevin/kv-info";
    public static final String META = "datalevin/meta";
    /** Said wherever a kv-info value is shown. */
    public static final String KV_INFO_CAVEAT =
            "kv-info is a hint: Datalevin stopped rewriting it in 0.10.7, so its values can be stale";
    /** More entries than any real options DBI holds; a bound against a damaged tree. */
    public static final int MAX_ENTRIES = 100_000;

    public StoredOptions {
        opts = List.copyOf(opts);
        kvInfo = List.copyOf(kvInfo);
        meta = List.copyOf(meta);
        notes = List.copyOf(notes);
    }

    /** One decoded record, keeping its raw bytes for evidence. */
    public record Entry(String dbi, byte[] rawKey, byte[] rawValue, Object key, Object value) {
        public boolean unsupported() {
            return key instanceof Unsupported || value instanceof Unsupported;
        }

        /** {@code datalevin/opts wal?}, for evidence. */
        public String where() {
            return dbi + " " + Values.show(key);
        }
    }

    public static StoredOptions read(DbiEntries source) throws IOException {
        List<String> notes = new ArrayList<>();
        Optional<List<KeyValue>> opts = source.entries(OPTS, MAX_ENTRIES);
        Optional<List<KeyValue>> kvInfo = source.entries(KV_INFO, MAX_ENTRIES);
        Optional<List<KeyValue>> meta = source.entries(META, MAX_ENTRIES);
        for (var e : Map.of(OPTS, opts, KV_INFO, kvInfo, META, meta).entrySet()) {
            if (e.getValue().map(List::size).orElse(0) >= MAX_ENTRIES) {
                notes.add(e.getKey() + ": only the first " + MAX_ENTRIES + " entries were read");
            }
        }
        return new StoredOptions(
                decode(OPTS, opts.orElse(List.of())),
                decode(KV_INFO, kvInfo.orElse(List.of())),
                decode(META, meta.orElse(List.of())),
                opts.isPresent(), kvInfo.isPresent(), meta.isPresent(), notes);
    }

    /** Decodes raw records of one of the three DBIs. */
    public static List<Entry> decode(String dbi, List<KeyValue> records) {
        List<Entry> out = new ArrayList<>(records.size());
        for (KeyValue kv : records) {
            out.add(decodeEntry(dbi, kv.key(), kv.value()));
        }
        return Collections.unmodifiableList(out);
    }

    public static Entry decodeEntry(String dbi, byte[] key, byte[] value) {
        switch (dbi) {
            case OPTS:
                return new Entry(dbi, key, value, nameKey(key), Nippy.decode(value));
            case META:
                return new Entry(dbi, key, value, nameKey(key), TypedValues.decode(value));
            default:
                return new Entry(dbi, key, value, TypedValues.decode(key), TypedValues.decode(value));
        }
    }

    /** An option name stored as its raw UTF-8 (Datalevin's {@code :attr} key type). */
    static Object nameKey(byte[] key) {
        try {
            String name = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(key)).toString();
            if (name.isEmpty()) {
                return new Unsupported(-1, 0, "empty option name");
            }
            return Values.keyword(name);
        } catch (CharacterCodingException e) {
            return new Unsupported(-1, 0, "option name is not UTF-8");
        }
    }

    /** An entry of {@code datalevin/opts} by option name without the colon ({@code wal?}). */
    public Optional<Entry> optEntry(String name) {
        Keyword k = Values.keyword(name);
        return opts.stream().filter(e -> k.equals(e.key())).findFirst();
    }

    /** A stored option's value ({@code Unsupported} when outside the decoded subset). */
    public Optional<Sourced<Object>> opt(String name) {
        return optEntry(name).map(e -> new Sourced<>(e.value(), Provenance.STORED_OPTS, e.where()));
    }

    /** A value inside the stored {@code kv-opts} map ({@code flags}, {@code mapsize}, …). */
    public Optional<Sourced<Object>> kvOpt(String name) {
        Optional<Entry> kvOpts = optEntry("kv-opts");
        if (kvOpts.isEmpty()) {
            return Optional.empty();
        }
        Object v = kvOpts.get().value();
        String where = OPTS + " :kv-opts " + Values.show(Values.keyword(name));
        if (v instanceof Unsupported) {
            return Optional.of(new Sourced<>(v, Provenance.STORED_OPTS, where));
        }
        if (!(v instanceof Map)) {
            return Optional.of(new Sourced<>(new Unsupported(-1, 0, ":kv-opts is not a map"),
                    Provenance.STORED_OPTS, where));
        }
        Map<?, ?> m = (Map<?, ?>) v;
        Keyword k = Values.keyword(name);
        return m.containsKey(k) ? Optional.of(new Sourced<>(m.get(k), Provenance.STORED_OPTS, where))
                : Optional.empty();
    }

    /** A kv-info value by its decoded key (a {@link Keyword} or a tuple list). Always a hint. */
    public Optional<Sourced<Object>> kvInfo(Object key) {
        return kvInfo.stream().filter(e -> key.equals(e.key())).findFirst()
                .map(e -> new Sourced<>(e.value(), Provenance.KV_INFO_HINT, e.where()));
    }

    /** kv-info keys in the {@code wal} namespace ({@code :wal/marker-a}, …): a WAL store's markers. */
    public List<Entry> walMarkers() {
        List<Entry> out = new ArrayList<>();
        for (Entry e : kvInfo) {
            if (e.key() instanceof Keyword && "wal".equals(((Keyword) e.key()).getPrefix())) {
                out.add(e);
            }
        }
        return out;
    }

    /** A {@code datalevin/meta} long ({@code max-tx}, {@code last-modified}). */
    public Optional<Long> metaLong(String name) {
        Keyword k = Values.keyword(name);
        return meta.stream().filter(e -> k.equals(e.key()) && e.value() instanceof Long)
                .map(e -> (Long) e.value()).findFirst();
    }

    /** Every entry whose key or value could not be decoded. */
    public List<Entry> unsupported() {
        List<Entry> out = new ArrayList<>();
        for (List<Entry> l : List.of(opts, kvInfo, meta)) {
            l.stream().filter(Entry::unsupported).forEach(out::add);
        }
        return out;
    }
}
